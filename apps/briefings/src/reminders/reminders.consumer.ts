import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  BriefingsEvents,
  EventEnvelope,
  InvitationEvent,
  SessionCancelledEvent,
  SessionRescheduledEvent,
} from '@rasad/contracts';
import { OnEvent } from '@rasad/messaging';
import { ReminderPlanner } from './reminder-planner.service';

/**
 * Plans reminders from briefings' own events, through the idempotent consumer: each runs once, in the inbox's
 * transaction, and a failure is retried like any other event instead of being lost with the request that caused it.
 */
@Injectable()
export class RemindersConsumer {
  constructor(private readonly planner: ReminderPlanner) {}

  @OnEvent(BriefingsEvents.invitationCreated, BriefingsEvents.invitationCancelled)
  async invitation(payload: InvitationEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    await this.planner.planInvitation(em, payload.session.id, payload.invitationId, new Date(envelope.occurredAt));
  }

  @OnEvent(BriefingsEvents.sessionRescheduled, BriefingsEvents.sessionCancelled)
  async session(
    payload: SessionRescheduledEvent | SessionCancelledEvent,
    envelope: EventEnvelope,
    em: EntityManager,
  ): Promise<void> {
    await this.planner.planSession(em, payload.session.id, new Date(envelope.occurredAt));
  }
}
