/** Every event subject: `evt.<service>.<entity>.<event>.v1`, all on the RASAD_EVENTS stream. */
export const EventSubjects = {
  personnelRegistered: 'evt.roster.personnel.registered.v1',
  personnelUpdated: 'evt.roster.personnel.updated.v1',
  postCreated: 'evt.roster.post.created.v1',
  postUpdated: 'evt.roster.post.updated.v1',
  assignmentCreated: 'evt.roster.assignment.created.v1',
  assignmentChanged: 'evt.roster.assignment.changed.v1',
  assignmentCancelled: 'evt.roster.assignment.cancelled.v1',

  sessionScheduled: 'evt.briefings.session.scheduled.v1',
  sessionRescheduled: 'evt.briefings.session.rescheduled.v1',
  sessionCancelled: 'evt.briefings.session.cancelled.v1',
  invitationCreated: 'evt.briefings.invitation.created.v1',
  invitationCancelled: 'evt.briefings.invitation.cancelled.v1',
  attendanceRecorded: 'evt.briefings.attendance.recorded.v1',
  reminderDue: 'evt.briefings.reminder.due.v1',
  calendarLinkIssued: 'evt.briefings.calendar-link.issued.v1',

  mealPlanPlanned: 'evt.meals.plan.planned.v1',
  mealPlanChanged: 'evt.meals.plan.changed.v1',
  mealDispatched: 'evt.meals.delivery.dispatched.v1',
  mealDelivered: 'evt.meals.delivery.delivered.v1',
  mealServed: 'evt.meals.delivery.served.v1',
} as const;

export const EVENT_STREAM = 'RASAD_EVENTS';
export const EVENT_STREAM_SUBJECTS = ['evt.>'];

/** What travels on JetStream: the payload with the facts a consumer needs to apply it once and trace it. */
export interface EventEnvelope<T = unknown> {
  /** UUID v7; also the JetStream Nats-Msg-Id and the consumer's inbox key. */
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  producer: string;
  /** The HTTP request id that caused it, when there was one. */
  correlationId: string | null;
  /** The record the event is about; events of one aggregate are published in order. */
  aggregateId: string;
  payload: T;
}
