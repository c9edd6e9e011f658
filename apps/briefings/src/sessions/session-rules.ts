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

/** A new slot must still lie ahead: reminders and notices are planned from it. */
export function rescheduledWindow(startsAt: string, endsAt: string, now: Date): SessionWindow {
  const window = sessionWindow(startsAt, endsAt);
  if (window.startsAt.getTime() <= now.getTime()) {
    throw invalid('startsAt', 'startsAt must be in the future when rescheduling');
  }
  return window;
}

interface SessionState {
  id: string;
  status: SessionStatus;
  startsAt: Date;
}

/** Filling, inviting and rescheduling are for a scheduled session that has not started; anything else is a 409. */
export function ensureUpcoming(session: SessionState, action: string, now: Date): void {
  if (session.status !== 'scheduled') {
    throw new DomainError(ErrorCode.InvalidState, `briefing ${session.id} is ${session.status}: cannot ${action}`);
  }
  if (session.startsAt.getTime() <= now.getTime()) {
    throw new DomainError(
      ErrorCode.InvalidState,
      `briefing ${session.id} started at ${session.startsAt.toISOString()}: cannot ${action}`,
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
