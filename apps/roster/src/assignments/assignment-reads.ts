import { AssignmentView } from '@rasad/contracts';
import { DutyPhase, DutyRole, DutyStatus } from '@rasad/duty-assignments';
import { postedIn } from '../shared/scope.sql';

/** A duty_assignment row as the ORM's pg connections return it: timestamps as PostgreSQL's text. */
export interface AssignmentRow {
  id: string;
  personnel_id: string;
  post_id: string;
  role: DutyRole;
  starts_at: string | Date;
  ends_at: string | Date;
  phase: DutyPhase;
  status: DutyStatus;
  cancel_reason: string | null;
  change_reason: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

const COLUMNS =
  'a.id, a.personnel_id, a.post_id, a.role, a.starts_at, a.ends_at, a.phase, a.status, a.cancel_reason, a.change_reason, a.created_at, a.updated_at';

/**
 * The read by id that every `GET /assignments/:id` makes, as plain SQL instead of an entity load: the ORM's findOne
 * (query building, identity map, hydration) was the largest item in the roster's profile. Scoped callers get the row
 * only if its post lies in their districts (the second parameter, an array literal), so out of scope is the same 404
 * as absent, in one query.
 */
export const GET_ASSIGNMENT = `select ${COLUMNS} from roster.duty_assignment a where a.id = ?`;

export const GET_ASSIGNMENT_IN_DISTRICTS =
  `select ${COLUMNS} from roster.duty_assignment a where a.id = ? ` +
  `and ${postedIn('a', (district) => `${district} = any(?::uuid[])`)}`;

const iso = (value: string | Date) => new Date(value).toISOString();

/** The same view as assignmentView(entity). */
export function assignmentRowView(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    personnelId: row.personnel_id,
    postId: row.post_id,
    role: row.role,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    phase: row.phase,
    status: row.status,
    cancelReason: row.cancel_reason,
    changeReason: row.change_reason,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
