import { atLocalTime, toLocalDate } from '@rasad/duty-assignments';

/**
 * The local date whose digest is due at `now`: today's once its digest time has passed (until midnight), none before
 * it. A service down at the digest time still issues the day's digest when it comes back that evening.
 */
export function digestDue(now: Date, digestAt: string, timeZone: string): string | null {
  const today = toLocalDate(now, timeZone);
  return now.getTime() >= atLocalTime(today, digestAt, timeZone).getTime() ? today : null;
}
