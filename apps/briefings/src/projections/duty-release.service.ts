import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AssignmentEvent, BriefingsEvents } from '@rasad/contracts';
import { Outbox } from '@rasad/messaging';
import { BriefingSession, sessionEvent } from '../sessions/briefing-session.entity';
import { CLASH_REASON, DUTY_CANCELLED_REASON } from '../shared/seats';
import { ProjectionsRepository, ReleasedSeat } from './projections.repository';

/**
 * When a duty stops qualifying a person for a briefing (cancelled, moved out of the district or before the
 * session), the seats it earned them in upcoming sessions are given back, unless another live duty still
 * qualifies them. Only seats that this duty qualified for are touched: a manual invitation that never rested on
 * this duty is left alone.
 */
@Injectable()
export class DutyRelease {
  constructor(
    private readonly outbox: Outbox,
    private readonly projections: ProjectionsRepository,
  ) {}

  async release(em: EntityManager, formerDuty: AssignmentEvent): Promise<void> {
    const released = await this.projections.releaseUnqualified(em, formerDuty);
    await this.announce(em, released, DUTY_CANCELLED_REASON);
  }

  /**
   * A live duty that overlaps a briefing the person holds a seat at (one that has not started) takes the seat back:
   * no one sits in a briefing while on duty. The duty came later than the seat, or the seat was given by hand.
   */
  async releaseClashes(em: EntityManager, duty: AssignmentEvent): Promise<void> {
    if (duty.status === 'cancelled') {
      return;
    }
    const released = await this.projections.releaseClashes(em, duty);
    await this.announce(em, released, CLASH_REASON);
  }

  private async announce(em: EntityManager, released: ReleasedSeat[], reason: string): Promise<void> {
    if (released.length === 0) {
      return;
    }
    const sessions = await em.find(BriefingSession, { id: { $in: released.map((seat) => seat.sessionId) } });
    const byId = new Map(sessions.map((session) => [session.id, session]));
    await this.outbox.insertMany(
      em,
      released.map((seat) => ({
        subject: BriefingsEvents.invitationCancelled,
        aggregateId: seat.sessionId,
        payload: {
          invitationId: seat.invitationId,
          personnelId: seat.personnelId,
          status: 'cancelled' as const,
          reason,
          session: sessionEvent(byId.get(seat.sessionId)!),
        },
      })),
    );
  }
}
