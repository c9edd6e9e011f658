import { EventSubjects } from './event-subjects';
import {
  AssignmentCancelledEvent,
  AssignmentChangedEvent,
  AssignmentEvent,
  PersonnelEvent,
  PostEvent,
} from './roster-events';
import {
  AttendanceRecordedEvent,
  BriefingSessionEvent,
  CalendarLinkIssuedEvent,
  InvitationCancelledEvent,
  InvitationEvent,
  ReminderDueEvent,
  SessionCancelledEvent,
  SessionRescheduledEvent,
} from './briefings-events';
import { ManifestEvent, TransportEventSubjects, TripEvent } from '../transport/events.contract';

/** Subject to payload class: emitting or handling the wrong payload does not compile, and consumers validate by it. */
export const EventPayloads = {
  [EventSubjects.personnelRegistered]: PersonnelEvent,
  [EventSubjects.personnelUpdated]: PersonnelEvent,
  [EventSubjects.postCreated]: PostEvent,
  [EventSubjects.postUpdated]: PostEvent,
  [EventSubjects.assignmentCreated]: AssignmentEvent,
  [EventSubjects.assignmentChanged]: AssignmentChangedEvent,
  [EventSubjects.assignmentCancelled]: AssignmentCancelledEvent,
  [EventSubjects.sessionScheduled]: BriefingSessionEvent,
  [EventSubjects.sessionRescheduled]: SessionRescheduledEvent,
  [EventSubjects.sessionCancelled]: SessionCancelledEvent,
  [EventSubjects.invitationCreated]: InvitationEvent,
  [EventSubjects.invitationCancelled]: InvitationCancelledEvent,
  [EventSubjects.attendanceRecorded]: AttendanceRecordedEvent,
  [EventSubjects.reminderDue]: ReminderDueEvent,
  [EventSubjects.calendarLinkIssued]: CalendarLinkIssuedEvent,
  [TransportEventSubjects.tripPlanned]: TripEvent,
  [TransportEventSubjects.tripDispatched]: TripEvent,
  [TransportEventSubjects.tripArrived]: TripEvent,
  [TransportEventSubjects.tripCompleted]: TripEvent,
  [TransportEventSubjects.tripCancelled]: TripEvent,
  [TransportEventSubjects.manifestBooked]: ManifestEvent,
  [TransportEventSubjects.manifestCancelled]: ManifestEvent,
} as const;

export type EventMap = { [S in keyof typeof EventPayloads]: InstanceType<(typeof EventPayloads)[S]> };
export type KnownEventSubject = keyof EventMap;
