import { PgErrorCode, pgConstraint, pgErrorCode } from '@rasad/common';
import { DomainError, ErrorCode } from '@rasad/contracts';

/** The check constraint that holds a session within its venue's capacity (see the base migration). */
export const SEATS_CONSTRAINT = 'session_seats_within_capacity';

/** Invitation statuses that hold a seat, as SQL. */
export const SEATED_SQL = `('invited', 'confirmed')`;

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

/**
 * A duty that makes a person (`personnel`, SQL) due for session `s`: live, posted in the session's district, and
 * starting once the session is over.
 */
export function qualifyingDutySql(personnel: string): string {
  return `exists (
    select 1 from briefings.duty qd join briefings.post qp on qp.id = qd.post_id
    where qd.personnel_id = ${personnel} and qd.status <> 'cancelled'
      and qp.district_id = s.district_id and qd.starts_at >= s.ends_at)`;
}
