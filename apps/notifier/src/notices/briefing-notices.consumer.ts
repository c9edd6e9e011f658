import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  BriefingSessionEvent,
  CalendarLinkIssuedEvent,
  EventEnvelope,
  EventSubjects,
  InvitationCancelledEvent,
  InvitationEvent,
  ReminderDueEvent,
  SessionCancelledEvent,
  SessionRescheduledEvent,
} from '@rasad/contracts';
import { EventOf, OnEvent, OnEventBatch } from '@rasad/messaging';
import { NoticeFacts, SessionFacts } from '../templates/notice-facts';
import { NoticeWriter } from './notice-writer';

const sessionFacts = (s: BriefingSessionEvent): SessionFacts => ({
  title: s.title,
  venueName: s.venueName,
  venueAddress: s.venueAddress,
  startsAt: s.startsAt,
});

/**
 * Reasons for which a withdrawn invitation gets no notice of its own: the person declined it themselves, or the
 * whole session was cancelled (the session's cancel notice already told them).
 */
const SILENT_WITHDRAWALS = new Set(['declined', 'session_cancelled']);

/**
 * News of a briefing that has already begun helps no one: an invitation or a reminder read after the start (a
 * notifier that was down, a backlog) would only confuse. Such events are applied without a notice.
 */
export const briefingStarted = (session: BriefingSessionEvent, now = new Date()): boolean =>
  Date.parse(session.startsAt) <= now.getTime();

/**
 * Briefing events that concern a person, turned into their notices in the events' own transaction; those that come
 * in bulk a run at a time.
 */
@Injectable()
export class BriefingNoticesConsumer {
  constructor(private readonly notices: NoticeWriter) {}

  /** A calendar link an officer issued goes to the person it opens, by their channel. */
  @OnEvent(EventSubjects.calendarLinkIssued)
  async calendarLink(event: CalendarLinkIssuedEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    await this.notices.write(em, envelope, {
      personnelIds: [event.personnelId],
      districtId: event.districtId ?? null,
      facts: { kind: 'calendar_link', url: event.url },
    });
  }

  /** A fill invites many people at once: their invitations' notices are written a run at a time. */
  @OnEventBatch(EventSubjects.invitationCreated)
  async invited(events: EventOf<InvitationEvent>[], em: EntityManager): Promise<void> {
    await this.tellAll(
      em,
      events.map(({ payload: event, envelope }) => ({
        envelope,
        session: event.session,
        personnelIds: [event.personnelId],
        facts: { kind: 'briefing_invitation', session: sessionFacts(event.session) },
      })),
    );
  }

  @OnEvent(EventSubjects.sessionRescheduled)
  async rescheduled(event: SessionRescheduledEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    const facts: NoticeFacts = {
      kind: 'briefing_rescheduled',
      session: sessionFacts(event.session),
      previousStartsAt: event.previous.startsAt,
    };
    await this.tell(event.session, event.personnelIds, facts, envelope, em);
  }

  @OnEvent(EventSubjects.sessionCancelled)
  async cancelled(event: SessionCancelledEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    const facts: NoticeFacts = { kind: 'briefing_cancelled', session: sessionFacts(event.session) };
    await this.tell(event.session, event.personnelIds, facts, envelope, em);
  }

  /** Seats given back in bulk (duties cancelled by an import, a reschedule) come as runs too. */
  @OnEventBatch(EventSubjects.invitationCancelled)
  async withdrawn(events: EventOf<InvitationCancelledEvent>[], em: EntityManager): Promise<void> {
    await this.tellAll(
      em,
      events
        .filter(({ payload: event }) => event.status !== 'declined' && !SILENT_WITHDRAWALS.has(event.reason))
        .map(({ payload: event, envelope }) => ({
          envelope,
          session: event.session,
          personnelIds: [event.personnelId],
          facts: { kind: 'briefing_invitation_cancelled', session: sessionFacts(event.session) },
        })),
    );
  }

  /** Every seat's reminder falls due at the same moment before its session. */
  @OnEventBatch(EventSubjects.reminderDue)
  async reminder(events: EventOf<ReminderDueEvent>[], em: EntityManager): Promise<void> {
    await this.tellAll(
      em,
      events.map(({ payload: event, envelope }) => ({
        envelope,
        session: event.session,
        personnelIds: [event.personnelId],
        facts: { kind: 'briefing_reminder', session: sessionFacts(event.session), offsetSeconds: event.offsetSeconds },
      })),
    );
  }

  /** Writes a briefing's notices for these people, in the briefing's district, unless it has already begun. */
  private async tell(
    session: BriefingSessionEvent,
    personnelIds: string[],
    facts: NoticeFacts,
    envelope: EventEnvelope,
    em: EntityManager,
  ): Promise<void> {
    await this.tellAll(em, [{ envelope, session, personnelIds, facts }]);
  }

  /** Several events' briefing notices with one write; those about a briefing that has begun are left out. */
  private async tellAll(em: EntityManager, told: readonly BriefingNews[]): Promise<void> {
    await this.notices.writeAll(
      em,
      told
        .filter(({ session }) => !briefingStarted(session))
        .map(({ envelope, session, personnelIds, facts }) => ({
          envelope,
          request: { personnelIds, districtId: session.districtId, facts },
        })),
    );
  }
}

/** What one event tells, and whom. */
interface BriefingNews {
  envelope: EventEnvelope;
  session: BriefingSessionEvent;
  personnelIds: string[];
  facts: NoticeFacts;
}
