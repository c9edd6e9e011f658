import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { BriefingsEnv } from '../briefings.env';
import { parseReminderOffsets } from './reminder-offsets';
import { planReminders } from './reminder-plan';
import { PlannedRow, RemindersRepository } from './reminders.repository';

/**
 * Keeps the reminder rows in step with invitations and sessions. Every step is a reconcile from the database as
 * it is now, not from the event that prompted it, so events of different aggregates may arrive in any order.
 */
@Injectable()
export class ReminderPlanner {
  readonly offsets: number[];

  constructor(
    private readonly reminders: RemindersRepository,
    env: BriefingsEnv,
  ) {
    this.offsets = parseReminderOffsets(env.REMINDER_OFFSETS);
  }

  /** `since`: when the change happened; reminders already due by then are not planned. */
  planInvitation(em: EntityManager, sessionId: string, invitationId: string, since: Date): Promise<void> {
    return this.reconcile(em, sessionId, { invitationId }, since);
  }

  planSession(em: EntityManager, sessionId: string, since: Date): Promise<void> {
    return this.reconcile(em, sessionId, { sessionId }, since);
  }

  private async reconcile(
    em: EntityManager,
    sessionId: string,
    of: { invitationId: string } | { sessionId: string },
    since: Date,
  ): Promise<void> {
    await this.reminders.lockSessionPlan(em, sessionId);
    const invitations = await this.reminders.invitationStates(em, of);
    const clock = { now: new Date(), since };
    const planned: PlannedRow[] = invitations.flatMap((invitation) =>
      planReminders(invitation, this.offsets, clock).map((reminder) => ({
        ...reminder,
        invitationId: invitation.invitationId,
        sessionId: invitation.sessionId,
        personnelId: invitation.personnelId,
      })),
    );
    await this.reminders.replacePlan(
      em,
      invitations.map((invitation) => invitation.invitationId),
      planned,
    );
  }
}
