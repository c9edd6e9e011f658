import { AssignmentView } from '@rasad/contracts';
import { DutyPhase, DutyRole, DutyStatus } from '@rasad/duty-assignments';

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
