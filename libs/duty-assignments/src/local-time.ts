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

// luxon's isValidZone builds an Intl.DateTimeFormat on every call: checked once per zone, the night and meal rules
// over a district's 2,500 duties took 41 s instead of a fraction of one.
const validZones = new Set<string>();

export function assertTimeZone(timeZone: string): void {
  if (validZones.has(timeZone)) {
    return;
  }
  if (!IANAZone.isValidZone(timeZone)) {
    throw new Error(`Unknown time zone "${timeZone}"`);
  }
  validZones.add(timeZone);
}

// The date on a wall clock in the zone: the instant moved by the zone's offset then, read as UTC. Plain arithmetic
// (no DateTime) because the night and meal rules call it for every duty of a district.
export function toLocalDate(instant: Date, timeZone: string): string {
  const millis = instant.getTime();
  if (Number.isNaN(millis)) {
    throw new Error('Invalid instant');
  }
  return new Date(millis + offsetAt(zoneOf(timeZone), millis) * 60_000).toISOString().slice(0, 10);
}

// Calendar arithmetic on a bare date; the zone is irrelevant, UTC just avoids DST gaps.
export function addDays(date: string, days: number): string {
  const [year, month, day] = LOCAL_DATE.test(date) ? date.split('-').map(Number) : [NaN, NaN, NaN];
  const named = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(named.getTime()) || named.getUTCMonth() !== month - 1 || named.getUTCDate() !== day) {
    throw new Error(`Invalid local date "${date}", expected YYYY-MM-DD`);
  }
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function localDatesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    dates.push(date);
  }
  return dates;
}

/**
 * The instant a wall-clock time names in a zone, as luxon resolves it (its `fixOffset`): guess with an offset, correct
 * once, and in a DST gap or overlap take the later wall time's offset. Plain arithmetic on the zone's offsets, since
 * the night and meal rules call this several times for every duty of a district.
 */
function fromWallClock(wall: number, guess: number, zone: IANAZone): [number, number] {
  let utc = wall - guess * 60_000;
  const second = offsetAt(zone, utc);
  if (guess === second) {
    return [utc, guess];
  }
  utc -= (second - guess) * 60_000;
  const third = offsetAt(zone, utc);
  if (second === third) {
    return [utc, second];
  }
  return [wall - Math.min(second, third) * 60_000, Math.max(second, third)];
}

// Minutes past a day roll onto the next date, so a slot running past midnight still resolves.
export function atLocalMinutes(date: string, minutes: number, timeZone: string): Date {
  const zone = zoneOf(timeZone);
  const dayOffset = Math.floor(minutes / MINUTES_PER_DAY);
  const seconds = Math.round((minutes - dayOffset * MINUTES_PER_DAY) * 60);
  const [year, month, day] = addDays(date, dayOffset).split('-').map(Number);
  // As luxon does for a date then a time set on it: the day's midnight first, its offset the guess for the time.
  const [, midnightOffset] = fromWallClock(Date.UTC(year, month - 1, day), offsetAt(zone, Date.now()), zone);
  const [instant] = fromWallClock(Date.UTC(year, month - 1, day, 0, 0, seconds), midnightOffset, zone);
  return new Date(instant);
}

export function atLocalTime(date: string, time: string, timeZone: string): Date {
  return atLocalMinutes(date, minutesOfDay(time), timeZone);
}

const zoneCache = new Map<string, IANAZone>();

// A zone's offset at an instant, by the minute: luxon asks Intl for every one (a tenth of a millisecond each), and a
// district's duties ask for the same few evenings thousands of times. Offsets change only on whole minutes.
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 100_000;

function offsetAt(zone: IANAZone, millis: number): number {
  const key = `${zone.name}|${Math.floor(millis / 60_000)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = zone.offset(millis);
    if (offsetCache.size >= OFFSET_CACHE_LIMIT) {
      offsetCache.clear();
    }
    offsetCache.set(key, offset);
  }
  return offset;
}

function zoneOf(timeZone: string): IANAZone {
  let zone = zoneCache.get(timeZone);
  if (!zone) {
    assertTimeZone(timeZone);
    zone = IANAZone.create(timeZone);
    zoneCache.set(timeZone, zone);
  }
  return zone;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * An instant as ISO 8601 with the zone's offset at that instant (`2027-02-08T06:00:00+05:00`): what an officer reads
 * as the time on their watch. Milliseconds appear only when there are some. Built from the zone's offset rather
 * than through DateTime formatting, as API answers convert every timestamp they carry.
 */
export function toLocalIso(instant: Date | string | number, timeZone: string): string {
  const millis = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(millis)) {
    throw new Error('Invalid instant');
  }
  const offset = offsetAt(zoneOf(timeZone), millis);
  const shifted = new Date(millis + offset * 60_000).toISOString();
  const body = millis % 1000 === 0 ? shifted.slice(0, 19) : shifted.slice(0, 23);
  return `${body}${offsetText(offset)}`;
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A date-time as officers write it in a spreadsheet: ISO 8601 with an offset, or without one (`2027-02-07 18:00`,
 * `2027-02-07T18:00`) or day first (`07/02/2027 18:00`, as Pakistani offices write dates), both read as the
 * deployment's local time. null when the text is none of these or names a time that does not exist.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date | null {
  const value = text.trim();
  if (WITH_OFFSET.test(value)) {
    const instant = DateTime.fromISO(value, { setZone: true });
    return instant.isValid ? instant.toJSDate() : null;
  }
  const iso = ISO_LOCAL.exec(value);
  const dayFirst = iso ? null : DAY_FIRST.exec(value);
  const parts = iso
    ? { year: +iso[1], month: +iso[2], day: +iso[3], hour: +iso[4], minute: +iso[5], second: +(iso[6] ?? 0) }
    : dayFirst
      ? {
          year: +dayFirst[3],
          month: +dayFirst[2],
          day: +dayFirst[1],
          hour: +dayFirst[4],
          minute: +dayFirst[5],
          second: +(dayFirst[6] ?? 0),
        }
      : null;
  if (!parts) {
    return null;
  }
  assertTimeZone(timeZone);
  const local = DateTime.fromObject(parts, { zone: timeZone });
  // luxon moves a wall time that falls in a DST gap; such a time does not exist on the day, so it is refused.
  if (!local.isValid || local.hour !== parts.hour || local.minute !== parts.minute || local.day !== parts.day) {
    return null;
  }
  return local.toJSDate();
}

/** The instant a local day begins (`2027-02-08` in Asia/Karachi: 2027-02-07T19:00Z). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  if (!LOCAL_DATE.test(date)) {
    throw new Error(`Invalid local date "${date}", expected YYYY-MM-DD`);
  }
  assertTimeZone(timeZone);
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  if (!start.isValid) {
    throw new Error(`Invalid local date "${date}", expected YYYY-MM-DD`);
  }
  return start.toJSDate();
}
