import { IdRequest } from '../common.dto';
import { Page } from '../pagination';
import { EventPayloadsOf } from '../events/event-map';
import { registerServiceContract } from '../service-contract';
import {
  AttendanceListItemView,
  AttendedTopicsQuery,
  AttendedTopicsView,
  ListAttendanceMessage,
  RollCallMessage,
  RollCallResultView,
} from './attendance.contract';
import {
  CalendarFeedReply,
  CalendarLinkIssueMessage,
  CalendarLinkRequest,
  CalendarLinkView,
  DistrictCalendarQuery,
  PersonalCalendarRequest,
} from './calendar.contract';
import {
  AttendanceRecordedEvent,
  BriefingSessionEvent,
  CalendarLinkIssuedEvent,
  InvitationCancelledEvent,
  InvitationEvent,
  ReminderDueEvent,
  SessionCancelledEvent,
  SessionRescheduledEvent,
} from './events.contract';
import {
  AnswerInvitationMessage,
  FillResultView,
  FillSessionMessage,
  InvitationView,
  InviteMessage,
  ListInvitationsMessage,
} from './invitations.contract';
import {
  CancelSessionMessage,
  CreateSessionRequest,
  ListSessionsQuery,
  RescheduleResultView,
  RescheduleSessionMessage,
  SessionView,
} from './sessions.contract';

export * from './sessions.contract';
export * from './invitations.contract';
export * from './attendance.contract';
export * from './calendar.contract';
export * from './events.contract';

/**
 * Everything the briefings service shares with its callers, in one folder: its subjects, its parts of the RPC and
 * event maps, its event payloads and its queue group (docs/adding-a-service.md).
 */
export const BriefingsSubjects = {
  ping: 'briefings.health.ping.v1',
  sessionCreate: 'briefings.session.create.v1',
  sessionGet: 'briefings.session.get.v1',
  sessionList: 'briefings.session.list.v1',
  sessionReschedule: 'briefings.session.reschedule.v1',
  sessionCancel: 'briefings.session.cancel.v1',
  sessionComplete: 'briefings.session.complete.v1',
  sessionFill: 'briefings.session.fill.v1',
  invitationCreate: 'briefings.invitation.create.v1',
  invitationList: 'briefings.invitation.list.v1',
  invitationAnswer: 'briefings.invitation.answer.v1',
  attendanceRecord: 'briefings.attendance.record.v1',
  attendanceList: 'briefings.attendance.list.v1',
  attendedTopics: 'briefings.attendance.topics.v1',
  calendarDistrict: 'briefings.calendar.district.v1',
  calendarPersonal: 'briefings.calendar.personal.v1',
  calendarLinkIssue: 'briefings.calendar-link.issue.v1',
  calendarLinkRevoke: 'briefings.calendar-link.revoke.v1',
} as const;

export const BriefingsEvents = {
  sessionScheduled: 'evt.briefings.session.scheduled.v1',
  sessionRescheduled: 'evt.briefings.session.rescheduled.v1',
  sessionCancelled: 'evt.briefings.session.cancelled.v1',
  invitationCreated: 'evt.briefings.invitation.created.v1',
  invitationCancelled: 'evt.briefings.invitation.cancelled.v1',
  attendanceRecorded: 'evt.briefings.attendance.recorded.v1',
  reminderDue: 'evt.briefings.reminder.due.v1',
  calendarLinkIssued: 'evt.briefings.calendar-link.issued.v1',
} as const;

declare module '../rpc-map' {
  interface RpcMap {
    [BriefingsSubjects.sessionCreate]: { request: CreateSessionRequest; reply: SessionView };
    [BriefingsSubjects.sessionGet]: { request: IdRequest; reply: SessionView };
    [BriefingsSubjects.sessionList]: { request: ListSessionsQuery; reply: Page<SessionView> };
    [BriefingsSubjects.sessionReschedule]: { request: RescheduleSessionMessage; reply: RescheduleResultView };
    [BriefingsSubjects.sessionCancel]: { request: CancelSessionMessage; reply: SessionView };
    [BriefingsSubjects.sessionComplete]: { request: IdRequest; reply: SessionView };
    [BriefingsSubjects.sessionFill]: { request: FillSessionMessage; reply: FillResultView };
    [BriefingsSubjects.invitationCreate]: { request: InviteMessage; reply: InvitationView[] };
    [BriefingsSubjects.invitationList]: { request: ListInvitationsMessage; reply: Page<InvitationView> };
    [BriefingsSubjects.invitationAnswer]: { request: AnswerInvitationMessage; reply: InvitationView };
    [BriefingsSubjects.attendanceRecord]: { request: RollCallMessage; reply: RollCallResultView };
    [BriefingsSubjects.attendanceList]: { request: ListAttendanceMessage; reply: Page<AttendanceListItemView> };
    [BriefingsSubjects.attendedTopics]: { request: AttendedTopicsQuery; reply: AttendedTopicsView };
    [BriefingsSubjects.calendarDistrict]: { request: DistrictCalendarQuery; reply: CalendarFeedReply };
    [BriefingsSubjects.calendarPersonal]: { request: PersonalCalendarRequest; reply: CalendarFeedReply };
    [BriefingsSubjects.calendarLinkIssue]: { request: CalendarLinkIssueMessage; reply: CalendarLinkView };
    [BriefingsSubjects.calendarLinkRevoke]: { request: CalendarLinkRequest; reply: { revoked: boolean } };
  }
}

/** Each event's payload class: consumers validate the event by it, and its instances are the event's type. */
const briefingsEventClasses = {
  [BriefingsEvents.sessionScheduled]: BriefingSessionEvent,
  [BriefingsEvents.sessionRescheduled]: SessionRescheduledEvent,
  [BriefingsEvents.sessionCancelled]: SessionCancelledEvent,
  [BriefingsEvents.invitationCreated]: InvitationEvent,
  [BriefingsEvents.invitationCancelled]: InvitationCancelledEvent,
  [BriefingsEvents.attendanceRecorded]: AttendanceRecordedEvent,
  [BriefingsEvents.reminderDue]: ReminderDueEvent,
  [BriefingsEvents.calendarLinkIssued]: CalendarLinkIssuedEvent,
};

declare module '../events/event-map' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EventMap extends EventPayloadsOf<typeof briefingsEventClasses> {}
}

registerServiceContract({ service: 'briefings', queue: 'briefings', events: briefingsEventClasses });
