import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, page } from '@rasad/common';
import { AssignmentListItemView, AssignmentView, CallerScope, ListAssignmentsQuery, Page } from '@rasad/contracts';
import { restrict, uuidArray, whereStatusAndWindow } from '@rasad/messaging';
import { inCallerDistricts, postedIn } from '../shared/scope.sql';
import { AssignmentRow, assignmentRowView } from './assignment-row';
import { DutyAssignment, assignmentView } from './duty-assignment.entity';

const POSTED_IN = postedIn('a', inCallerDistricts);

/** Duties are read by when they start; the id breaks ties. */
const DUTY_ORDER: ListOrder = {
  keys: { startsAt: 'a.starts_at', endsAt: 'a.ends_at', createdAt: 'a.created_at' },
  natural: 'startsAt',
};

const COLUMNS =
  'a.id, a.personnel_id, a.post_id, a.role, a.starts_at, a.ends_at, a.phase, a.status, a.cancel_reason, a.change_reason, a.created_at, a.updated_at';

/**
 * The read by id that every `GET /assignments/:id` makes, as plain SQL instead of an entity load: the
 * ORM's findOne (query building, identity map, hydration) was the largest item in the roster's profile. Scoped
 * callers get the row only if its post lies in their districts (the second parameter, an array literal), so out of scope is the same
 * 404 as absent, in one query.
 */
const GET_ASSIGNMENT = `select ${COLUMNS} from roster.duty_assignment a where a.id = ?`;

const GET_ASSIGNMENT_IN_DISTRICTS =
  `select ${COLUMNS} from roster.duty_assignment a where a.id = ? ` +
  `and ${postedIn('a', (district) => `${district} = any(?::uuid[])`)}`;

/** Who and where for a page of duties, in one query: an officer reads names and post codes, not ids. */
const DUTY_EMBEDS = `select a.id, p.name as person_name, p.rank, p.service_number, po.code as post_code, po.name as post_name
  from roster.duty_assignment a join roster.personnel p on p.id = a.personnel_id join roster.post po on po.id = a.post_id
  where a.id = any(?::uuid[])`;

interface DutyEmbedRow {
  id: string;
  person_name: string;
  rank: AssignmentListItemView['personnel']['rank'];
  service_number: string;
  post_code: string;
  post_name: string;
}

/** Duties read by id and listed, each only where the caller's districts reach (a duty lies in its post's district). */
@Injectable()
export class AssignmentsRepository {
  /** The duty, if it exists and lies in the caller's districts. */
  async get(em: EntityManager, id: string, scope: CallerScope): Promise<AssignmentView | null> {
    const [row] =
      scope.districtIds === null
        ? await em.execute<AssignmentRow[]>(GET_ASSIGNMENT, [id])
        : await em.execute<AssignmentRow[]>(GET_ASSIGNMENT_IN_DISTRICTS, [id, uuidArray(scope.districtIds)]);
    return row ? assignmentRowView(row) : null;
  }

  async list(
    em: EntityManager,
    query: ListAssignmentsQuery,
    scope: CallerScope,
  ): Promise<Page<AssignmentListItemView>> {
    const qb = em.createQueryBuilder(DutyAssignment, 'a');
    restrict(qb, scope, POSTED_IN);
    if (query.districtId) {
      restrict(qb, { districtIds: [query.districtId] }, POSTED_IN);
    }
    for (const key of ['postId', 'personnelId', 'phase'] as const) {
      if (query[key]) {
        qb.andWhere({ [key]: query[key] });
      }
    }
    whereStatusAndWindow(qb, query);
    const duties = await page(qb, query, assignmentView, DUTY_ORDER);
    return { ...duties, items: await this.withWhoAndWhere(em, duties.items) };
  }

  /** Whether the duty's post lies in one of the caller's districts; an admin's reaches every district. */
  async postedIn(em: EntityManager, id: string, scope: CallerScope): Promise<boolean> {
    if (scope.districtIds === null) {
      return true;
    }
    const qb = em.createQueryBuilder(DutyAssignment, 'a').where({ id });
    restrict(qb, scope, POSTED_IN);
    return (await qb.getSingleResult()) !== null;
  }

  private async withWhoAndWhere(em: EntityManager, duties: AssignmentView[]): Promise<AssignmentListItemView[]> {
    if (duties.length === 0) {
      return [];
    }
    const rows = await em.execute<DutyEmbedRow[]>(DUTY_EMBEDS, [uuidArray(duties.map((d) => d.id))]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return duties.map((duty) => {
      const row = byId.get(duty.id)!;
      return {
        ...duty,
        personnel: { name: row.person_name, rank: row.rank, serviceNumber: row.service_number },
        post: { code: row.post_code, name: row.post_name },
      };
    });
  }
}
