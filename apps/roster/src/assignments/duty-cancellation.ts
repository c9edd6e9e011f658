import { EntityManager } from '@mikro-orm/postgresql';
import { RosterEvents } from '@rasad/contracts';
import { Outbox } from '@rasad/messaging';
import { DutyAssignment, assignmentEvent } from './duty-assignment.entity';

/** The cancellation reason of the duties a person still had when they were deactivated. */
export const PERSONNEL_DEACTIVATED = 'personnel_deactivated';

/**
 * Cancels a live duty and records its event in the same unit of work: the window is free again, the notifier tells
 * the person, briefings releases a seat the duty held.
 */
export function cancelDuty(em: EntityManager, outbox: Outbox, duty: DutyAssignment, reason: string | null): void {
  duty.status = 'cancelled';
  duty.cancelReason = reason;
  duty.cancelledAt = new Date();
  outbox.record(em, RosterEvents.assignmentCancelled, duty.id, { ...assignmentEvent(duty), reason });
}
