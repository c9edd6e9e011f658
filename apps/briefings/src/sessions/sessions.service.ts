import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  BriefingsEvents,
  CallerScope,
  CancelSessionMessage,
  CreateSessionRequest,
  IdRequest,
  ListSessionsQuery,
  Page,
  RescheduleResultView,
  RescheduleSessionMessage,
  SessionView,
} from '@rasad/contracts';
import { Outbox, ensureReferenceInScope } from '@rasad/messaging';
import { CLASH_REASON, OUTRUN_REASON, venueTooSmall } from '../shared/seats';
import { BriefingSession, sessionEvent, sessionView } from './briefing-session.entity';
import { findSession } from './session-lookup';
import { SessionsRepository } from './sessions.repository';
import { ensureCompletable, ensureMovable, ensureScheduled, futureWindow } from './session-rules';

/**
 * Scheduling. Every event about a session or its invitations carries the session's id as its aggregate, so that a
 * consumer applies them in the order they happened (an invitation before the session's move or cancellation).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly sessions: SessionsRepository,
  ) {}

  async create(body: CreateSessionRequest, scope: CallerScope): Promise<SessionView> {
    const window = futureWindow(body.startsAt, body.endsAt, new Date());
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
    this.outbox.record(this.em, BriefingsEvents.sessionScheduled, session.id, sessionEvent(session));
    await this.em.flush();
    return sessionView(session);
  }

  async get(id: string, scope: CallerScope): Promise<SessionView> {
    return sessionView(await findSession(this.em, id, scope));
  }

  list(query: ListSessionsQuery, scope: CallerScope): Promise<Page<SessionView>> {
    return this.sessions.list(this.em, query, scope);
  }

  /**
   * A new slot (and venue). Everyone seated keeps their seat and is named in the event for a change notice, except
   * those the new slot no longer prepares for their duty (it ends after the duty starts) and those it puts on duty
   * during the briefing: their seats are given back in the same transaction, and the answer names the latter.
   */
  async reschedule(message: RescheduleSessionMessage, scope: CallerScope): Promise<RescheduleResultView> {
    const now = new Date();
    const window = futureWindow(message.startsAt, message.endsAt, now);
    return this.em.transactional(async (em) => {
      const session = await findSession(em, message.id, scope, true);
      ensureMovable(session, await this.sessions.hasRollCall(em, session.id), now);
      if (message.venue && message.venue.capacity < session.seatsTaken) {
        throw venueTooSmall(session.id, message.venue.capacity, session.seatsTaken);
      }
      const previous = {
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        venueName: session.venueName,
        venueAddress: session.venueAddress,
      };
      // Moving a briefing later can make it end after the duties it was meant to prepare people for: those whose
      // seat rested on such a duty and whom no duty backs at the new end lose it. A briefing after the duty has
      // started briefs no one; seats that never rested on a duty, and people with a later duty, are left alone.
      const outrun =
        window.endsAt.getTime() > session.endsAt.getTime()
          ? await this.sessions.releaseOutrun(em, session, window.endsAt)
          : [];
      // No one sits in a briefing while on duty anywhere: the move gives those seats back, naming the duty.
      const clashing = await this.sessions.releaseClashing(em, session.id, window);
      em.assign(session, {
        ...window,
        ...(message.venue
          ? { venueName: message.venue.name, venueAddress: message.venue.address, capacity: message.venue.capacity }
          : {}),
        sequence: session.sequence + 1,
        statusReason: message.reason,
      });
      const event = sessionEvent(session);
      const released = [
        ...outrun.map((seat) => ({ ...seat, reason: OUTRUN_REASON })),
        ...clashing.map(({ invitationId, personnelId }) => ({ invitationId, personnelId, reason: CLASH_REASON })),
      ];
      await this.outbox.insertMany(
        em,
        released.map((seat) => ({
          subject: BriefingsEvents.invitationCancelled,
          aggregateId: session.id,
          payload: { ...seat, status: 'cancelled' as const, session: event },
        })),
      );
      this.outbox.record(em, BriefingsEvents.sessionRescheduled, session.id, {
        session: event,
        previous,
        reason: message.reason,
        personnelIds: await this.sessions.seated(em, session.id),
      });
      await em.flush();
      if (released.length > 0) {
        await em.refresh(session); // seats_taken, as the seat trigger left it
      }
      return { ...sessionView(session), releasedForClash: clashing };
    });
  }

  /**
   * Cancels the session and, in the same transaction, every seat in it; the one event names everyone seated. Any
   * session not held may be called off, also once its start has passed; a roll call taken at a cancelled session
   * proves nothing (attended topics leave it out).
   */
  async cancel(message: CancelSessionMessage, scope: CallerScope): Promise<SessionView> {
    return this.em.transactional(async (em) => {
      const session = await findSession(em, message.id, scope, true);
      ensureScheduled(session, 'cancel');
      const released = await this.sessions.releaseAll(em, session.id);
      em.assign(session, { status: 'cancelled', statusReason: message.reason, sequence: session.sequence + 1 });
      this.outbox.record(em, BriefingsEvents.sessionCancelled, session.id, {
        session: sessionEvent(session),
        reason: message.reason,
        personnelIds: released,
      });
      await em.flush();
      await em.refresh(session);
      return sessionView(session);
    });
  }

  /**
   * The officer's word that the session was held, once it has started: no more invitations, the roll call stays
   * open for corrections. Completing it again answers it as it is.
   */
  async complete({ id }: IdRequest, scope: CallerScope): Promise<SessionView> {
    return this.em.transactional(async (em) => {
      const session = await findSession(em, id, scope, true);
      ensureCompletable(session, new Date());
      if (session.status === 'scheduled') {
        em.assign(session, { status: 'completed' });
        await em.flush();
      }
      return sessionView(session);
    });
  }
}
