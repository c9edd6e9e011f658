import { InvitationStatus, SEATED_INVITATION_STATUSES, SessionStatus } from '@rasad/contracts';

/** What planning needs to know of one invitation and its session, as the database has them now. */
export interface InvitationState {
  invitationStatus: InvitationStatus;
  sessionStatus: SessionStatus;
  startsAt: Date;
  sequence: number;
}

/** One reminder that should exist: once per invitation, offset and version of the session. */
export interface PlannedReminder {
  offsetSeconds: number;
  sessionSequence: number;
  dueAt: Date;
}

export interface PlanningClock {
  now: Date;
  /** When the change being applied happened (the invitation made, the session moved). */
  since: Date;
}

/**
 * The reminders an invitation should have, from its current state alone, so that applying events in any order ends
 * in the same plan: none unless the person holds a seat at a session that is still to come; otherwise one per
 * offset of the session's current version. An offset whose time had already passed when the change happened is
 * left out (the invitation or change notice itself tells them); one that passed since, while the service was
 * catching up, is kept and fires at once.
 */
export function planReminders(
  state: InvitationState,
  offsets: readonly number[],
  clock: PlanningClock,
): PlannedReminder[] {
  if (!isSeated(state.invitationStatus) || state.sessionStatus !== 'scheduled' || state.startsAt <= clock.now) {
    return [];
  }
  return offsets
    .map((offsetSeconds) => ({
      offsetSeconds,
      sessionSequence: state.sequence,
      dueAt: new Date(state.startsAt.getTime() - offsetSeconds * 1000),
    }))
    .filter((reminder) => reminder.dueAt > clock.since);
}

export type ReminderOutcome = 'fired' | 'missed' | 'dropped';

/** A due reminder as the scheduler finds it, with the current state of its invitation and session. */
export interface DueReminder extends InvitationState {
  offsetSeconds: number;
  /** The session's version the reminder was planned for. */
  sessionSequence: number;
  /** The session has started (by the database's clock). */
  started: boolean;
}

/**
 * What becomes of a due reminder: it fires only if it still stands. One planned for an older version of the
 * session, a seat given up or a cancelled session, or an offset no longer configured is dropped (the planner may
 * not have caught up yet); one whose session has already started, say after the service was down, is missed.
 */
export function settleReminder(reminder: DueReminder, offsets: readonly number[]): ReminderOutcome {
  const stands =
    isSeated(reminder.invitationStatus) &&
    reminder.sessionStatus === 'scheduled' &&
    reminder.sessionSequence === reminder.sequence &&
    offsets.includes(reminder.offsetSeconds);
  if (!stands) {
    return 'dropped';
  }
  return reminder.started ? 'missed' : 'fired';
}

function isSeated(status: InvitationStatus): boolean {
  return SEATED_INVITATION_STATUSES.includes(status);
}
