import { PgErrorCode, pgConstraint, pgErrorCode } from '@rasad/common';
import { DomainError, ErrorCode } from '@rasad/contracts';

/** The check constraint that holds a session within its venue's capacity (see the base migration). */
export const SEATS_CONSTRAINT = 'session_seats_within_capacity';

/** Why a seat was given back when its briefing moved onto, or a duty came onto, the person's own duty. */
export const CLASH_REASON = 'duty_clash';

/** Why a seat was given back when its briefing moved past the duty it prepared the person for. */
export const OUTRUN_REASON = 'rescheduled_after_duty';

/** Why a seat was given back when the duty that earned it stopped qualifying the person. */
export const DUTY_CANCELLED_REASON = 'duty_cancelled';

export function isSeatsViolation(error: unknown): boolean {
  return pgErrorCode(error) === PgErrorCode.checkViolation && pgConstraint(error) === SEATS_CONSTRAINT;
}

export function briefingFull(
  sessionId: string,
  seats: { capacity: number; seatsTaken: number },
  wanted: number,
): DomainError {
  const left = Math.max(seats.capacity - seats.seatsTaken, 0);
  const message = `briefing ${sessionId} has ${left} of ${seats.capacity} seats left (${seats.seatsTaken} taken); ${wanted} more were asked for`;
  return new DomainError(ErrorCode.BriefingFull, message, undefined, {
    sessionId,
    capacity: seats.capacity,
    seatsTaken: seats.seatsTaken,
    requested: wanted,
  });
}

export function venueTooSmall(sessionId: string, capacity: number, seatsTaken: number): DomainError {
  const message = `venue.capacity ${capacity} is below the ${seatsTaken} seats already taken in briefing ${sessionId}`;
  return new DomainError(ErrorCode.BriefingFull, message, [{ field: 'venue.capacity', message }], {
    sessionId,
    capacity,
    seatsTaken,
  });
}
