import { page } from '@rasad/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  CancelSessionMessage,
  CreateSessionRequest,
  EventSubjects,
  ListSessionsQuery,
  Page,
  RescheduleSessionMessage,
  SessionView,
} from '@rasad/contracts';
import { Outbox, ensureReferenceInScope, restrict } from '@rasad/messaging';
import { SEATED_SQL, venueTooSmall } from '../shared/seats';
import { BriefingSession, sessionEvent, sessionView } from './briefing-session.entity';
import { findSession } from './session-lookup';
import { OUTRUN_REASON, releaseOutrunSeats } from './outrun-seats';
import { ensureUpcoming, rescheduledWindow, sessionWindow } from './session-rules';

/**
 * Scheduling. Every event about a session or its invitations carries the session's id as its aggregate, so that a
 * consumer applies them in the order they happened (an invitation before the session's move or cancellation).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  async create(body: CreateSessionRequest, scope: CallerScope): Promise<SessionView> {
    const window = sessionWindow(body.startsAt, body.endsAt);
    // Briefings keeps no district list of its own (the roster emits no district events): scope is the check.
    ensureReferenceInScope(scope, body.districtId, 'districtId', 'district', body.districtId);
    const session = this.em.create(BriefingSession, {
      title: body.title,
      topics: body.topics,
      venueName: body.venue.name,
      venueAddress: body.venue.address,
      capacity: body.venue.capacity,
      presenter: body.presenter,
      districtId: body.districtId,
      ...window,
    });
    this.outbox.record(this.em, EventSubjects.sessionScheduled, session.id, sessionEvent(session));
    await this.em.flush();
    return sessionView(session);
  }

  async get(id: string, scope: CallerScope): Promise<SessionView> {
    return sessionView(await findSession(this.em, id, scope));
  }

  list(query: ListSessionsQuery, scope: CallerScope): Promise<Page<SessionView>> {
    const qb = this.em.createQueryBuilder(BriefingSession, 's');
    restrict(qb, scope, 's.district_id in {districts}');
    if (query.districtId) {
      qb.andWhere({ districtId: query.districtId });
    }
    if (query.status) {
      qb.andWhere({ status: query.status });
    }
    if (query.from) {
      qb.andWhere({ endsAt: { $gt: new Date(query.from) } });
    }
    if (query.to) {
      qb.andWhere({ startsAt: { $lt: new Date(query.to) } });
    }
    return page(qb, query, sessionView);
  }

  /** A new slot (and venue); everyone seated keeps their seat and is named in the event for a change notice. */
  async reschedule(message: RescheduleSessionMessage, scope: CallerScope): Promise<SessionView> {
    const now = new Date();
    const window = rescheduledWindow(message.startsAt, message.endsAt, now);
    return this.em.transactional(async (em) => {
      const session = await findSession(em, message.id, scope, true);
      ensureUpcoming(session, 'reschedule', now);
      if (message.venue && message.venue.capacity < session.seatsTaken) {
        throw venueTooSmall(session.id, message.venue.capacity, session.seatsTaken);
      }
      const previous = {
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        venueName: session.venueName,
        venueAddress: session.venueAddress,
      };
      const released = await releaseOutrunSeats(em, session, window.endsAt);
      em.assign(session, {
        ...window,
        ...(message.venue
          ? { venueName: message.venue.name, venueAddress: message.venue.address, capacity: message.venue.capacity }
          : {}),
        sequence: session.sequence + 1,
        statusReason: message.reason,
      });
      const event = sessionEvent(session);
      await this.outbox.insertMany(
        em,
        released.map((seat) => ({
          subject: EventSubjects.invitationCancelled,
          aggregateId: session.id,
          payload: { ...seat, status: 'cancelled' as const, reason: OUTRUN_REASON, session: event },
        })),
      );
      this.outbox.record(em, EventSubjects.sessionRescheduled, session.id, {
        session: event,
        previous,
        reason: message.reason,
        personnelIds: await this.seated(em, session.id),
      });
      await em.flush();
      if (released.length > 0) {
        await em.refresh(session); // seats_taken, as the seat trigger left it
      }
      return sessionView(session);
    });
  }

  /** Cancels the session and, in the same transaction, every seat in it; the one event names everyone seated. */
  async cancel(message: CancelSessionMessage, scope: CallerScope): Promise<SessionView> {
    const now = new Date();
    return this.em.transactional(async (em) => {
      const session = await findSession(em, message.id, scope, true);
      ensureUpcoming(session, 'cancel', now);
      const released = await em.execute<{ personnel_id: string }[]>(
        `update briefings.invitation set status = 'cancelled', status_reason = 'session_cancelled', updated_at = now()
         where session_id = ? and status in ${SEATED_SQL} returning personnel_id`,
        [session.id],
      );
      em.assign(session, { status: 'cancelled', statusReason: message.reason, sequence: session.sequence + 1 });
      this.outbox.record(em, EventSubjects.sessionCancelled, session.id, {
        session: sessionEvent(session),
        reason: message.reason,
        personnelIds: released.map((row) => row.personnel_id),
      });
      await em.flush();
      await em.refresh(session);
      return sessionView(session);
    });
  }

  private async seated(em: EntityManager, sessionId: string): Promise<string[]> {
    const rows = await em.execute<{ personnel_id: string }[]>(
      `select personnel_id from briefings.invitation where session_id = ? and status in ${SEATED_SQL}
       order by personnel_id`,
      [sessionId],
    );
    return rows.map((row) => row.personnel_id);
  }
}
