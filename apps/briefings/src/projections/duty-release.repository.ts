import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AssignmentEvent } from '@rasad/contracts';
import { CLASH_REASON, DUTY_CANCELLED_REASON } from '../shared/seats';
import { SEATED_SQL } from '../shared/seats.sql';

/** A seat given back: the invitation that held it. */
export interface ReleasedSeat {
  invitationId: string;
  sessionId: string;
  personnelId: string;
}

interface ReleasedRecord {
  id: string;
  session_id: string;
  personnel_id: string;
}

/** The seats a change of duty gives back, for a run of duty events at once: the duties travel as one recordset. */
@Injectable()
export class DutyReleaseRepository {
  /**
   * Gives back the seats in upcoming sessions of each former duty's district that end by its start, held by its
   * person, unless another live duty still qualifies them (posted in the session's district, starting once the
   * session is over).
   */
  releaseUnqualified(em: EntityManager, formerDuties: readonly AssignmentEvent[]): Promise<ReleasedSeat[]> {
    return this.releaseUpcoming(
      em,
      DUTY_CANCELLED_REASON,
      formerDuties,
      `s.district_id = (select district_id from briefings.post where id = f."postId")
       and s.ends_at <= f."startsAt"
       and not exists (
         select 1 from briefings.duty qd join briefings.post qp on qp.id = qd.post_id
         where qd.personnel_id = i.personnel_id and qd.status <> 'cancelled'
           and qp.district_id = s.district_id and qd.starts_at >= s.ends_at)`,
    );
  }

  /** Gives back each duty's person's seats in upcoming sessions that overlap the duty. */
  releaseClashes(em: EntityManager, duties: readonly AssignmentEvent[]): Promise<ReleasedSeat[]> {
    return this.releaseUpcoming(em, CLASH_REASON, duties, `s.starts_at < f."endsAt" and s.ends_at > f."startsAt"`);
  }

  /**
   * Gives back, for `reason`, the seats of each duty's person in scheduled sessions not yet started that meet
   * `condition` against that duty (`f`).
   */
  private async releaseUpcoming(
    em: EntityManager,
    reason: string,
    duties: readonly AssignmentEvent[],
    condition: string,
  ): Promise<ReleasedSeat[]> {
    if (duties.length === 0) {
      return [];
    }
    const rows = await em.execute<ReleasedRecord[]>(
      `update briefings.invitation i
         set status = 'cancelled', status_reason = ?, updated_at = now()
       from briefings.session s,
         jsonb_to_recordset(?::jsonb) as f("personnelId" uuid, "postId" uuid, "startsAt" timestamptz,
           "endsAt" timestamptz)
       where i.session_id = s.id and i.personnel_id = f."personnelId" and i.status in ${SEATED_SQL}
         and s.status = 'scheduled' and s.starts_at > now()
         and ${condition}
       returning i.id, i.session_id, i.personnel_id`,
      [reason, JSON.stringify(duties)],
    );
    return rows.map((row) => ({ invitationId: row.id, sessionId: row.session_id, personnelId: row.personnel_id }));
  }
}
