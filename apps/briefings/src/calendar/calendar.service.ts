import { Outbox, inScope } from '@rasad/messaging';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  BriefingsEvents,
  CalendarFeedReply,
  CalendarLinkIssueMessage,
  CalendarLinkView,
  CallerScope,
  DomainError,
  ErrorCode,
  InvitationStatus,
  SEATED_INVITATION_STATUSES,
} from '@rasad/contracts';
import { Invitation } from '../invitations/invitation.entity';
import { BriefingSession } from '../sessions/briefing-session.entity';
import { CalendarEntry, renderCalendar } from './calendar-feed';
import { PeopleRepository } from '../shared/people.repository';
import { CalendarLinksRepository } from './calendar-links.repository';
import { calendarPath, calendarTokenHash, newCalendarToken } from './calendar-tokens';

/** Feeds reach back this far (by the session's end) and list at most this many sessions. */
const HISTORY_DAYS = 90;
const MAX_SESSIONS = 2000;

/** Why a seat the person held is gone, for the entry that now shows it cancelled. */
const UNSEATED_NOTE: Partial<Record<InvitationStatus, string>> = {
  declined: 'You declined this briefing.',
  cancelled: 'Your invitation to this briefing was cancelled.',
};

@Injectable()
export class CalendarService {
  constructor(
    private readonly em: EntityManager,
    private readonly links: CalendarLinksRepository,
    private readonly people: PeopleRepository,
    private readonly outbox: Outbox,
  ) {}

  /** Officers' feed: every session of the district, cancelled ones included. */
  async district(districtId: string, scope: CallerScope): Promise<CalendarFeedReply> {
    if (!inScope(scope, districtId)) {
      throw DomainError.notFound('district', districtId);
    }
    const sessions = await this.em.find(
      BriefingSession,
      { districtId, endsAt: { $gte: historyStart() } },
      { orderBy: { startsAt: 'asc' }, limit: MAX_SESSIONS },
    );
    return {
      ics: renderCalendar(
        'Rasad briefings',
        sessions.map((session) => entryOf(session)),
      ),
    };
  }

  /**
   * A person's feed, by their link: every session they hold or held an invitation to. A seat they no longer hold
   * (declined, or cancelled by an officer or with their duty) stays in the feed as a cancelled event with a note,
   * so calendar apps that already show it mark it cancelled rather than keep a stale appointment.
   */
  async personal(token: string): Promise<CalendarFeedReply> {
    const personnelId = await this.links.holder(this.em, calendarTokenHash(token));
    if (!personnelId) {
      // The same answer for a token that never existed and one revoked.
      throw new DomainError(ErrorCode.NotFound, 'No such calendar');
    }
    const invitations = await this.em.find(Invitation, { personnelId });
    const statusBySession = new Map(invitations.map((invitation) => [invitation.sessionId, invitation]));
    const sessions =
      invitations.length === 0
        ? []
        : await this.em.find(
            BriefingSession,
            { id: { $in: [...statusBySession.keys()] }, endsAt: { $gte: historyStart() } },
            { orderBy: { startsAt: 'asc' }, limit: MAX_SESSIONS },
          );
    const entries = sessions.map((session) => {
      const invitation = statusBySession.get(session.id)!;
      const seated = SEATED_INVITATION_STATUSES.includes(invitation.status);
      const entry = entryOf(session, invitation.updatedAt);
      return seated ? entry : { ...entry, cancelled: true, note: UNSEATED_NOTE[invitation.status] };
    });
    return { ics: renderCalendar('My Rasad briefings', entries) };
  }

  /**
   * A new link for the person; the previous one, if any, stops working at once. The link goes to the person by
   * their channel (the notifier, from the event), so the officer need not pass it on by hand.
   */
  async issueLink(
    { personnelId, publicBaseUrl }: CalendarLinkIssueMessage,
    scope: CallerScope,
  ): Promise<CalendarLinkView> {
    return this.em.transactional(async (em) => {
      const districtId = await this.people.servingDistrict(em, personnelId, scope.districtIds);
      if (!districtId) {
        throw DomainError.referenceNotFound('personnelId', 'personnel', personnelId);
      }
      const token = newCalendarToken();
      const createdAt = await this.links.issue(em, personnelId, calendarTokenHash(token));
      const path = calendarPath(token);
      const url = `${publicBaseUrl.replace(/\/+$/, '')}${path}`;
      this.outbox.record(em, BriefingsEvents.calendarLinkIssued, personnelId, { personnelId, districtId, url });
      await em.flush();
      return { personnelId, token, path, url, createdAt: createdAt.toISOString() };
    });
  }

  async revokeLink(personnelId: string, scope: CallerScope): Promise<{ revoked: boolean }> {
    await this.ensurePersonInScope(personnelId, scope, () => DomainError.notFound('personnel', personnelId));
    return { revoked: await this.links.revoke(this.em, personnelId) };
  }

  /** Someone briefings knows as serving in one of the caller's districts; otherwise they do not exist for them. */
  private async ensurePersonInScope(personnelId: string, scope: CallerScope, absent: () => DomainError) {
    if (!(await this.people.inDistricts(this.em, personnelId, scope.districtIds))) {
      throw absent();
    }
  }
}

function historyStart(): Date {
  return new Date(Date.now() - HISTORY_DAYS * 24 * 3600 * 1000);
}

function entryOf(session: BriefingSession, alsoModifiedAt?: Date): CalendarEntry {
  const modifiedAt = alsoModifiedAt && alsoModifiedAt > session.updatedAt ? alsoModifiedAt : session.updatedAt;
  return {
    sessionId: session.id,
    title: session.title,
    topics: session.topics,
    venueName: session.venueName,
    venueAddress: session.venueAddress,
    presenter: session.presenter,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    sequence: session.sequence,
    cancelled: session.status === 'cancelled',
    modifiedAt,
  };
}
