import { EntityManager } from '@mikro-orm/postgresql';
import { AssignmentEvent } from '@rasad/contracts';
import { DutyStatus } from '@rasad/duty-assignments';
import { uuidArray } from '@rasad/messaging';

/**
 * Keeps a new duty; false when the notifier already holds it: a `created` retried after a later event of the same
 * duty (a cancellation that overtook it) is stale, and must neither revive the duty nor announce it.
 */
export async function recordNewDuty(em: EntityManager, duty: AssignmentEvent): Promise<boolean> {
  const rows = await em.execute<unknown[]>(
    `insert into notifier.duty (id, personnel_id, post_id, status) values (?, ?, ?, ?)
     on conflict (id) do nothing returning id`,
    [duty.id, duty.personnelId, duty.postId, duty.status],
  );
  return rows.length > 0;
}

/**
 * Keeps the duty as its latest event tells it, and answers the status held before (null for a duty not seen yet):
 * a cancellation already held is not news again.
 */
export async function recordDuty(em: EntityManager, duty: AssignmentEvent): Promise<DutyStatus | null> {
  const [row] = await em.execute<{ previous: DutyStatus | null }[]>(
    `with held as (select status from notifier.duty where id = ?)
     insert into notifier.duty (id, personnel_id, post_id, status, updated_at) values (?, ?, ?, ?, now())
     on conflict (id) do update set personnel_id = excluded.personnel_id, post_id = excluded.post_id,
       status = excluded.status, updated_at = now()
     returning (select status from held) as previous`,
    [duty.id, duty.id, duty.personnelId, duty.postId, duty.status],
  );
  return row.previous;
}

/**
 * Whether a person belongs to one of these districts: by home district, or by a live duty at a post there (as the
 * roster decides, short of the unit's district, which no event tells the notifier). Someone the notifier has not
 * heard of belongs nowhere.
 */
export async function personInDistricts(
  em: EntityManager,
  personnelId: string,
  districtIds: readonly string[],
): Promise<boolean> {
  if (districtIds.length === 0) {
    return false;
  }
  const rows = await em.execute<unknown[]>(
    `select 1 from notifier.recipient r
     where r.id = ? and (r.home_district_id = any(?::uuid[]) or exists (
       select 1 from notifier.duty d join notifier.post p on p.id = d.post_id
       where d.personnel_id = r.id and d.status <> 'cancelled' and p.district_id = any(?::uuid[])))`,
    [personnelId, uuidArray(districtIds), uuidArray(districtIds)],
  );
  return rows.length > 0;
}
