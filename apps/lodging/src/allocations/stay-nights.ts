import { DomainError, ErrorCode } from '@rasad/contracts';
import { addDays, atLocalTime, localDatesBetween, minutesOfDay, toLocalDate } from '@rasad/duty-assignments';

/** The longest range one allocation may hold: a deployment's week with margin either side. */
export const MAX_NIGHTS = 31;

/** The nights from `first` to `last`, inclusive; a range ending before it starts, or too long, names its field. */
export function nightRange(first: string, last: string, fields = { first: 'firstNight', last: 'lastNight' }): string[] {
  if (last < first) {
    const message = `${fields.last} (${last}) must not be before ${fields.first} (${first})`;
    throw new DomainError(ErrorCode.ValidationFailed, message, [{ field: fields.last, message }]);
  }
  const nights = localDatesBetween(first, last);
  if (nights.length > MAX_NIGHTS) {
    const message = `${fields.last} must be at most ${MAX_NIGHTS} nights after ${fields.first}`;
    throw new DomainError(ErrorCode.ValidationFailed, message, [{ field: fields.last, message }]);
  }
  return nights;
}

/**
 * The night an arrival or departure at `at` belongs to: its local date, or the day before when it comes before noon
 * (someone arriving at 01:00 is sleeping the previous evening's night, someone leaving at 08:00 ends it).
 */
export function stayNight(at: Date, timeZone: string): string {
  const date = toLocalDate(at, timeZone);
  return at.getTime() < atLocalTime(date, '12:00', timeZone).getTime() ? addDays(date, -1) : date;
}

/**
 * When a night's bed is lost if its person has not checked in, as an interval after the night's date (midnight
 * starting it) in the deployment's zone: `cutoff` on its evening, or the next morning when `cutoff` is before noon.
 */
export function checkInCutoffOffset(cutoff: string): string {
  const minutes = minutesOfDay(cutoff);
  return `${minutes < 12 * 60 ? 1 : 0} day ${minutes} minutes`;
}
