import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AssignmentEvent, EventSubjects } from '@rasad/contracts';
import { Outbox } from '@rasad/messaging';
import { CLASH_REASON } from '../sessions/clashing-seats';
import { BriefingSession, sessionEvent } from '../sessions/briefing-session.entity';
import { SEATED_SQL, qualifyingDutySql } from '../shared/seats';

interface Released {
  id: string;
  session_id: string;
  personnel_id: string;
}

/**
 * When a duty stops qualifying a person for a briefing (cancelled, moved out of the district or before the
 * session), the seats it earned them in upcoming sessions are given back, unless another live duty still
 * qualifies them. Only seats that this duty qualified for are touched: a manual invitation that never rested on
 * this duty is left alone.
 */
@Injectable()
export class DutyRelease {
  constructor(private readonly outbox: Outbox) {}

  async release(em: EntityManager, formerDuty: AssignmentEvent): Promise<void> {
    const released = await em.execute<Released[]>(
      `update briefings.invitation i
         set status = 'cancelled', status_reason = 'duty_cancelled', updated_at = now()
       from briefings.session s
       where i.session_id = s.id and i.personnel_id = ? and i.status in ${SEATED_SQL}
         and s.status = 'scheduled' and s.starts_at > now()
         and s.district_id = (select district_id from briefings.post where id = ?)
         and s.ends_at <= ?::timestamptz
         and not ${qualifyingDutySql('i.personnel_id')}
       returning i.id, i.session_id, i.personnel_id`,
      [formerDuty.personnelId, formerDuty.postId, formerDuty.startsAt],
    );
    await this.announce(em, released, 'duty_cancelled');
  }

  /**
   * A live duty that overlaps a briefing the person holds a seat at (one that has not started) takes the seat back:
   * no one sits in a briefing while on duty. The duty came later than the seat, or the seat was given by hand.
   */
  async releaseClashes(em: EntityManager, duty: AssignmentEvent): Promise<void> {
    if (duty.status === 'cancelled') {
      return;
    }
    const released = await em.execute<Released[]>(
      `update briefings.invitation i
         set status = 'cancelled', status_reason = ?, updated_at = now()
       from briefings.session s
       where i.session_id = s.id and i.personnel_id = ? and i.status in ${SEATED_SQL}
         and s.status = 'scheduled' and s.starts_at > now()
         and s.starts_at < ?::timestamptz and s.ends_at > ?::timestamptz
       returning i.id, i.session_id, i.personnel_id`,
      [CLASH_REASON, duty.personnelId, duty.endsAt, duty.startsAt],
    );
    await this.announce(em, released, CLASH_REASON);
  }

  private async announce(em: EntityManager, released: Released[], reason: string): Promise<void> {
    if (released.length === 0) {
      return;
    }
    const sessions = await em.find(BriefingSession, { id: { $in: released.map((row) => row.session_id) } });
    const byId = new Map(sessions.map((session) => [session.id, session]));
    await this.outbox.insertMany(
      em,
      released.map((row) => ({
        subject: EventSubjects.invitationCancelled,
        aggregateId: row.session_id,
        payload: {
          invitationId: row.id,
          personnelId: row.personnel_id,
          status: 'cancelled' as const,
          reason,
          session: sessionEvent(byId.get(row.session_id)!),
        },
      })),
    );
  }
}
