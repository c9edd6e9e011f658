import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventEnvelope, EventMap, EventSubjects } from '@rasad/contracts';
import { OnEvent } from '@rasad/messaging';
import { ReminderPlanner } from './reminder-planner.service';

type Envelope<S extends keyof EventMap> = EventEnvelope<EventMap[S]>;

/**
 * Plans reminders from briefings' own events, through the idempotent consumer: each runs once, in the inbox's
 * transaction, and a failure is retried like any other event instead of being lost with the request that caused it.
 */
@Injectable()
export class RemindersConsumer {
  constructor(private readonly planner: ReminderPlanner) {}

  @OnEvent(EventSubjects.invitationCreated)
  async invitationCreated(
    payload: EventMap[typeof EventSubjects.invitationCreated],
    envelope: Envelope<typeof EventSubjects.invitationCreated>,
    em: EntityManager,
  ): Promise<void> {
    await this.planner.planInvitation(em, payload.session.id, payload.invitationId, new Date(envelope.occurredAt));
  }

  @OnEvent(EventSubjects.invitationCancelled)
  async invitationCancelled(
    payload: EventMap[typeof EventSubjects.invitationCancelled],
    envelope: Envelope<typeof EventSubjects.invitationCancelled>,
    em: EntityManager,
  ): Promise<void> {
    await this.planner.planInvitation(em, payload.session.id, payload.invitationId, new Date(envelope.occurredAt));
  }

  @OnEvent(EventSubjects.sessionRescheduled)
  async sessionRescheduled(
    payload: EventMap[typeof EventSubjects.sessionRescheduled],
    envelope: Envelope<typeof EventSubjects.sessionRescheduled>,
    em: EntityManager,
  ): Promise<void> {
    await this.planner.planSession(em, payload.session.id, new Date(envelope.occurredAt));
  }

  @OnEvent(EventSubjects.sessionCancelled)
  async sessionCancelled(
    payload: EventMap[typeof EventSubjects.sessionCancelled],
    envelope: Envelope<typeof EventSubjects.sessionCancelled>,
    em: EntityManager,
  ): Promise<void> {
    await this.planner.planSession(em, payload.session.id, new Date(envelope.occurredAt));
  }
}
