import { EntityManager } from '@mikro-orm/postgresql';
import { SEATED_SQL } from '../shared/seats';
import { BriefingSession } from './briefing-session.entity';

/** Why a seat was given back when its briefing moved past the duty it prepared the person for. */
export const OUTRUN_REASON = 'rescheduled_after_duty';

/**
 * Moving a briefing later can make it end after the duties it was meant to prepare people for. Those whose seat
 * rested on such a duty (one qualified them at the old end) and whom no duty qualifies at the new end lose it: a
 * briefing after the duty has started briefs no one. Seats that never rested on a duty (a manual invitation of
 * someone without one) are left alone, as are people with a later duty.
 */
export async function releaseOutrunSeats(
  em: EntityManager,
  session: BriefingSession,
  newEndsAt: Date,
): Promise<{ invitationId: string; personnelId: string }[]> {
  if (newEndsAt.getTime() <= session.endsAt.getTime()) {
    return [];
  }
  const qualifiedAt = (end: string) => `exists (
    select 1 from briefings.duty d join briefings.post p on p.id = d.post_id
    where d.personnel_id = i.personnel_id and d.status <> 'cancelled'
      and p.district_id = ? and d.starts_at >= ${end})`;
  const rows = await em.execute<{ id: string; personnel_id: string }[]>(
    `update briefings.invitation i
       set status = 'cancelled', status_reason = ?, updated_at = now()
     where i.session_id = ? and i.status in ${SEATED_SQL}
       and ${qualifiedAt('?::timestamptz')} and not ${qualifiedAt('?::timestamptz')}
     returning i.id, i.personnel_id`,
    [
      OUTRUN_REASON,
      session.id,
      session.districtId,
      session.endsAt.toISOString(),
      session.districtId,
      newEndsAt.toISOString(),
    ],
  );
  return rows.map((row) => ({ invitationId: row.id, personnelId: row.personnel_id }));
}
