import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  BriefingsEvents,
  CallerScope,
  DomainError,
  ErrorCode,
  FillResultView,
  FillSessionMessage,
} from '@rasad/contracts';
import { EventConsumer, Outbox } from '@rasad/messaging';
import { sessionEvent } from '../sessions/briefing-session.entity';
import { findSession } from '../sessions/session-lookup';
import { ensureUpcoming } from '../sessions/session-rules';
import { isSeatsViolation } from '../shared/seats';
import { splitFill } from './fill-result';
import { InvitationsRepository } from './invitations.repository';

/**
 * Fills a session from the roster's duties, earliest duty first, up to the seats left. The session row is locked
 * first, so concurrent fills take turns and each sees the seats the others took; the seat trigger and its check
 * constraint would refuse an overbooking anyway.
 */
@Injectable()
export class FillService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly invitations: InvitationsRepository,
    private readonly consumer: EventConsumer,
  ) {}

  async fill(message: FillSessionMessage, scope: CallerScope): Promise<FillResultView> {
    // Asked while the fill runs: a fill on a roster copy that is behind says so (lag() never throws).
    const lag = this.consumer.lag();
    try {
      const result = await this.fillLocked(message, scope);
      const projectionLag = await lag;
      return projectionLag ? { ...result, projectionLag } : result;
    } catch (error) {
      // Unreachable while every filler takes the lock; should a writer ever skip it, the database still says no.
      if (isSeatsViolation(error)) {
        throw new DomainError(ErrorCode.BriefingFull, `briefing ${message.id} filled up meanwhile; fill again`);
      }
      throw error;
    }
  }

  private fillLocked({ id, selector }: FillSessionMessage, scope: CallerScope): Promise<FillResultView> {
    return this.em.transactional(async (em) => {
      const session = await findSession(em, id, scope, true);
      ensureUpcoming(session, 'fill', new Date());
      const seats = session.capacity - session.seatsTaken;
      const result = splitFill(await this.invitations.fill(em, session.id, seats, selector ?? {}));
      const event = sessionEvent(session);
      await this.outbox.insertMany(
        em,
        result.invited.map((person) => ({
          subject: BriefingsEvents.invitationCreated,
          aggregateId: session.id,
          payload: {
            invitationId: person.invitationId!,
            personnelId: person.personnelId,
            status: 'invited',
            session: event,
          },
        })),
      );
      return {
        sessionId: session.id,
        ...result,
        seatsTaken: session.seatsTaken + result.invited.length,
        capacity: session.capacity,
      };
    });
  }
}
