import { page } from '@rasad/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  CancelSessionMessage,
  CreateSessionRequest,
  EventSubjects,
  IdRequest,
  ListSessionsQuery,
  Page,
  RescheduleResultView,
  RescheduleSessionMessage,
  SessionView,
} from '@rasad/contracts';
import { Outbox, ensureReferenceInScope, restrict } from '@rasad/messaging';
import { SEATED_SQL, venueTooSmall } from '../shared/seats';
import { BriefingSession, sessionEvent, sessionView } from './briefing-session.entity';
import { findSession } from './session-lookup';
import { CLASH_REASON, releaseClashingSeats } from './clashing-seats';
import { OUTRUN_REASON, releaseOutrunSeats } from './outrun-seats';
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
      ensureMovable(session, await this.hasRollCall(em, session.id), now);
      if (message.venue && message.venue.capacity < session.seatsTaken) {
        throw venueTooSmall(session.id, message.venue.capacity, session.seatsTaken);
      }
      const previous = {
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        venueName: session.venueName,
        venueAddress: session.venueAddress,
      };
      const outrun = await releaseOutrunSeats(em, session, window.endsAt);
      const clashing = await releaseClashingSeats(em, session.id, window);
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
          subject: EventSubjects.invitationCancelled,
          aggregateId: session.id,
          payload: { ...seat, status: 'cancelled' as const, session: event },
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

  private async hasRollCall(em: EntityManager, sessionId: string): Promise<boolean> {
    const rows = await em.execute('select 1 from briefings.attendance where session_id = ? limit 1', [sessionId]);
    return rows.length > 0;
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
