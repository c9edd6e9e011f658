import { EntityManager } from '@mikro-orm/postgresql';
import { AssignmentEvent, EventSubjects, ImportKind } from '@rasad/contracts';
import { NewEvent, Outbox } from '@rasad/messaging';
import { DutyAssignment, assignmentEvent } from '../assignments/duty-assignment.entity';
import { Personnel, personnelEvent } from '../personnel/personnel.entity';
import { ASSIGNMENT_MATCHED } from './assignment-import.sql';

const CHUNK = 5000;

export interface AppliedRow {
  id: string;
  inserted: boolean;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    out.push(items.slice(i, i + CHUNK));
  }
  return out;
}

/** Duties the import is about to change, as they are now: a changed event carries before and after. */
export async function assignmentsBefore(em: EntityManager, kind: ImportKind, batchId: string) {
  const before = new Map<string, AssignmentEvent>();
  if (kind !== 'assignments') {
    return before;
  }
  const ids = (await em.execute<{ id: string }[]>(ASSIGNMENT_MATCHED, [batchId])).map((r) => r.id);
  for (const part of chunks(ids)) {
    for (const duty of await em.find(DutyAssignment, { id: { $in: part } })) {
      before.set(duty.id, assignmentEvent(duty));
    }
  }
  em.clear();
  return before;
}

/** One event per created or changed record, written in batches on the import's own transaction. */
export async function recordImportEvents(
  em: EntityManager,
  outbox: Outbox,
  kind: ImportKind,
  applied: AppliedRow[],
  before: Map<string, AssignmentEvent>,
): Promise<void> {
  const created = new Set(applied.filter((r) => r.inserted).map((r) => r.id));
  for (const part of chunks(applied.map((r) => r.id))) {
    const events: NewEvent[] =
      kind === 'personnel'
        ? (await em.find(Personnel, { id: { $in: part } })).map((person) => ({
            subject: created.has(person.id) ? EventSubjects.personnelRegistered : EventSubjects.personnelUpdated,
            aggregateId: person.id,
            payload: personnelEvent(person),
          }))
        : (await em.find(DutyAssignment, { id: { $in: part } })).map((duty) =>
            created.has(duty.id) || !before.has(duty.id)
              ? { subject: EventSubjects.assignmentCreated, aggregateId: duty.id, payload: assignmentEvent(duty) }
              : {
                  subject: EventSubjects.assignmentChanged,
                  aggregateId: duty.id,
                  payload: { before: before.get(duty.id)!, after: assignmentEvent(duty) },
                },
          );
    await outbox.insertMany(em, events);
    em.clear();
  }
}
