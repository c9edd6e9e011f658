import { DateTime, IANAZone } from 'luxon';

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MINUTES_PER_DAY = 24 * 60;

export function minutesOfDay(time: string): number {
  const match = LOCAL_TIME.exec(time);
  if (!match) {
    throw new Error(`Invalid local time "${time}", expected HH:mm`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

export function assertTimeZone(timeZone: string): void {
  if (!IANAZone.isValidZone(timeZone)) {
    throw new Error(`Unknown time zone "${timeZone}"`);
  }
}

export function toLocalDate(instant: Date, timeZone: string): string {
  assertTimeZone(timeZone);
  const date = DateTime.fromJSDate(instant, { zone: timeZone }).toISODate();
  if (!date) {
    throw new Error('Invalid instant');
  }
  return date;
}

// Calendar arithmetic on a bare date; the zone is irrelevant, UTC just avoids DST gaps.
export function addDays(date: string, days: number): string {
  const shifted = LOCAL_DATE.test(date) ? DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() : null;
  if (!shifted) {
    throw new Error(`Invalid local date "${date}", expected YYYY-MM-DD`);
  }
  return shifted;
}

export function localDatesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    dates.push(date);
  }
  return dates;
}

// Minutes past a day roll onto the next date, so a slot running past midnight still resolves.
export function atLocalMinutes(date: string, minutes: number, timeZone: string): Date {
  assertTimeZone(timeZone);
  const dayOffset = Math.floor(minutes / MINUTES_PER_DAY);
  const seconds = Math.round((minutes - dayOffset * MINUTES_PER_DAY) * 60);
  return DateTime.fromISO(addDays(date, dayOffset), { zone: timeZone })
    .set({
      hour: Math.floor(seconds / 3600),
      minute: Math.floor((seconds % 3600) / 60),
      second: seconds % 60,
    })
    .toJSDate();
}

export function atLocalTime(date: string, time: string, timeZone: string): Date {
  return atLocalMinutes(date, minutesOfDay(time), timeZone);
}
