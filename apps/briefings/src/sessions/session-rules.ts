import { DomainError, ErrorCode, SessionStatus } from '@rasad/contracts';

export interface SessionWindow {
  startsAt: Date;
  endsAt: Date;
}

/** The session's slot from ISO strings: ends after it starts, or a 400 naming the field. */
export function sessionWindow(startsAt: string, endsAt: string): SessionWindow {
  const window = { startsAt: new Date(startsAt), endsAt: new Date(endsAt) };
  for (const field of ['startsAt', 'endsAt'] as const) {
    if (Number.isNaN(window[field].getTime())) {
      throw invalid(field, `${field} must be a valid date`);
    }
  }
  if (window.endsAt.getTime() <= window.startsAt.getTime()) {
    throw invalid('endsAt', 'endsAt must be after startsAt');
  }
  return window;
}

/**
 * A slot being scheduled or moved must still lie ahead: a session dated in the past could never be filled, and
 * reminders and notices are planned from its start.
 */
export function futureWindow(startsAt: string, endsAt: string, now: Date): SessionWindow {
  const window = sessionWindow(startsAt, endsAt);
  if (window.startsAt.getTime() <= now.getTime()) {
    throw invalid('startsAt', 'startsAt must be in the future');
  }
  return window;
}

interface SessionState {
  id: string;
  status: SessionStatus;
  startsAt: Date;
}

/** Filling is for a scheduled session that has not started; anything else is a 409. */
export function ensureUpcoming(session: SessionState, action: string, now: Date): void {
  ensureScheduled(session, action);
  if (session.startsAt.getTime() <= now.getTime()) {
    throw new DomainError(
      ErrorCode.InvalidState,
      `briefing ${session.id} started at ${session.startsAt.toISOString()}: cannot ${action}`,
    );
  }
}

/** Neither held (completed) nor already cancelled: a session that has started may still be called off. */
export function ensureScheduled(session: Pick<SessionState, 'id' | 'status'>, action: string): void {
  if (session.status !== 'scheduled') {
    throw new DomainError(ErrorCode.InvalidState, `briefing ${session.id} is ${session.status}: cannot ${action}`);
  }
}

/**
 * A session is moved before it starts, or after its start has passed when it was not held (no roll call taken):
 * the presenter did not come, and the officer sets a new date instead of cancelling and scheduling again.
 */
export function ensureMovable(session: SessionState, hasRollCall: boolean, now: Date): void {
  ensureScheduled(session, 'reschedule');
  if (hasRollCall && session.startsAt.getTime() <= now.getTime()) {
    throw new DomainError(
      ErrorCode.InvalidState,
      `briefing ${session.id} started at ${session.startsAt.toISOString()} and has a roll call: cannot reschedule`,
    );
  }
}

/** Invitations are open until the session ends: latecomers are invited while it runs and marked in the roll call. */
export function ensureOpenForInvitations(session: SessionState & { endsAt: Date }, now: Date): void {
  ensureScheduled(session, 'invite');
  if (session.endsAt.getTime() <= now.getTime()) {
    throw new DomainError(
      ErrorCode.InvalidState,
      `briefing ${session.id} ended at ${session.endsAt.toISOString()}: cannot invite`,
    );
  }
}

/** An officer completes a session once it has started (it may end early); completing it again changes nothing. */
export function ensureCompletable(session: SessionState, now: Date): void {
  if (session.status === 'cancelled') {
    throw new DomainError(ErrorCode.InvalidState, `briefing ${session.id} is cancelled: cannot complete`);
  }
  if (session.startsAt.getTime() > now.getTime()) {
    throw new DomainError(
      ErrorCode.InvalidState,
      `briefing ${session.id} starts at ${session.startsAt.toISOString()}: it can be completed once it has started`,
    );
  }
}

/** A roll call is taken once the session has started, and never for a cancelled one. */
export function ensureAttendable(session: SessionState, now: Date): void {
  if (session.status === 'cancelled') {
    throw new DomainError(ErrorCode.InvalidState, `briefing ${session.id} is cancelled: no attendance can be taken`);
  }
  if (session.startsAt.getTime() > now.getTime()) {
    throw new DomainError(
      ErrorCode.InvalidState,
      `briefing ${session.id} starts at ${session.startsAt.toISOString()}: attendance is taken once it has started`,
    );
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, message, [{ field, message }]);
}
