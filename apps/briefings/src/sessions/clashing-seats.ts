import { EntityManager } from '@mikro-orm/postgresql';
import { ClashReleaseView } from '@rasad/contracts';
import { SEATED_SQL } from '../shared/seats';
import { SessionWindow } from './session-rules';

/** Why a seat was given back when its briefing moved onto the person's own duty. */
export const CLASH_REASON = 'duty_clash';

interface ClashRow {
  invitation_id: string;
  personnel_id: string;
  duty_id: string;
  duty_starts_at: Date;
  duty_ends_at: Date;
}

/**
 * A person cannot sit in a briefing while on duty anywhere: moving a session onto a live duty of someone seated
 * gives their seat back, naming the earliest clashing duty. Windows overlap as `windowsOverlap` has it (half-open).
 */
export async function releaseClashingSeats(
  em: EntityManager,
  sessionId: string,
  window: SessionWindow,
): Promise<ClashReleaseView[]> {
  const rows = await em.execute<ClashRow[]>(
    `with clash as (
       select distinct on (d.personnel_id) d.personnel_id, d.id, d.starts_at, d.ends_at
       from briefings.invitation s join briefings.duty d on d.personnel_id = s.personnel_id
       where s.session_id = ? and s.status in ${SEATED_SQL} and d.status <> 'cancelled'
         and d.starts_at < ?::timestamptz and d.ends_at > ?::timestamptz
       order by d.personnel_id, d.starts_at, d.id)
     update briefings.invitation i
       set status = 'cancelled', status_reason = ?, updated_at = now()
     from clash c
     where i.session_id = ? and i.personnel_id = c.personnel_id and i.status in ${SEATED_SQL}
     returning i.id as invitation_id, i.personnel_id, c.id as duty_id, c.starts_at as duty_starts_at,
       c.ends_at as duty_ends_at`,
    [sessionId, window.endsAt.toISOString(), window.startsAt.toISOString(), CLASH_REASON, sessionId],
  );
  return rows
    .map((row) => ({
      personnelId: row.personnel_id,
      invitationId: row.invitation_id,
      dutyId: row.duty_id,
      dutyStartsAt: new Date(row.duty_starts_at).toISOString(),
      dutyEndsAt: new Date(row.duty_ends_at).toISOString(),
    }))
    .sort((a, b) => a.personnelId.localeCompare(b.personnelId));
}
