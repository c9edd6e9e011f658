import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: unguessable, and fit for a path segment. */
export function newCalendarToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored; a token is found by its hash, so the table never holds a working link. */
export function calendarTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function calendarPath(token: string): string {
  return `/api/v1/calendar/${token}.ics`;
}
