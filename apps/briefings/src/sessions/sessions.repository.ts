import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, page } from '@rasad/common';
import { CallerScope, ClashReleaseView, ListSessionsQuery, Page, SessionView } from '@rasad/contracts';
import { restrict, whereStatusAndWindow } from '@rasad/messaging';
import { CLASH_REASON, OUTRUN_REASON } from '../shared/seats';
import { SEATED_SQL } from '../shared/seats.sql';
import { BriefingSession, sessionView } from './briefing-session.entity';
import { SessionWindow } from './session-rules';

interface ClashRecord {
  invitation_id: string;
  personnel_id: string;
  duty_id: string;
  duty_starts_at: Date;
  duty_ends_at: Date;
}

/** Sessions are read by when they start, the soonest first, as an officer plans the days ahead. */
const SESSION_ORDER: ListOrder = {
  keys: {
    startsAt: 's.starts_at',
    endsAt: 's.ends_at',
    title: 's.title',
    venue: 's.venue_name',
    createdAt: 's.created_at',
  },
  natural: 'startsAt',
};

/** session's SQL, and the seats a change of session gives back. */
@Injectable()
export class SessionsRepository {
  /** A page of the sessions in the caller's districts that match the query, soonest first unless sorted. */
  list(em: EntityManager, query: ListSessionsQuery, scope: CallerScope): Promise<Page<SessionView>> {
    const qb = em.createQueryBuilder(BriefingSession, 's');
    restrict(qb, scope, 's.district_id = any({districts})');
    if (query.districtId) {
      qb.andWhere({ districtId: query.districtId });
    }
    whereStatusAndWindow(qb, query);
    return page(qb, query, sessionView, SESSION_ORDER);
  }

  /** Whether a roll call was taken at the session. */
  async hasRollCall(em: EntityManager, sessionId: string): Promise<boolean> {
    const rows = await em.execute('select 1 from briefings.attendance where session_id = ? limit 1', [sessionId]);
    return rows.length > 0;
  }

  /** Who holds a seat in the session, by id. */
  async seated(em: EntityManager, sessionId: string): Promise<string[]> {
    const rows = await em.execute<{ personnel_id: string }[]>(
      `select personnel_id from briefings.invitation where session_id = ? and status in ${SEATED_SQL}
       order by personnel_id`,
      [sessionId],
    );
    return rows.map((row) => row.personnel_id);
  }

  /** Gives back every seat in the cancelled session; who held them. */
  async releaseAll(em: EntityManager, sessionId: string): Promise<string[]> {
    const rows = await em.execute<{ personnel_id: string }[]>(
      `update briefings.invitation set status = 'cancelled', status_reason = 'session_cancelled', updated_at = now()
       where session_id = ? and status in ${SEATED_SQL} returning personnel_id`,
      [sessionId],
    );
    return rows.map((row) => row.personnel_id);
  }

  /**
   * Gives back the seats that rested on a duty (a live one in the session's district starting once the session is
   * over) when it ended at its current end, and that no such duty backs once it ends at `newEndsAt`.
   */
  async releaseOutrun(
    em: EntityManager,
    session: BriefingSession,
    newEndsAt: Date,
  ): Promise<{ invitationId: string; personnelId: string }[]> {
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

  /**
   * Gives back the seats of people with a live duty overlapping `window` (half-open, as `windowsOverlap` has it),
   * each naming their earliest clashing duty; by person.
   */
  async releaseClashing(em: EntityManager, sessionId: string, window: SessionWindow): Promise<ClashReleaseView[]> {
    const rows = await em.execute<ClashRecord[]>(
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
}
