import { startOfLocalDay, toLocalIso } from '@rasad/duty-assignments';

/** What services answer with: an instant in UTC as Date.toISOString() writes it. */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** An offset whose `+` a query string turned into a space: `2027-02-08T06:00:00 05:00`. */
const SPACED_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?) (\d{2}:?\d{2})$/;

/** Query parameters that open a time range: a bare date means the start of that local day. */
const RANGE_STARTS = new Set(['from', 'since', 'at']);
/** Query parameters that close one: a bare date means up to the end of that local day. */
const RANGE_ENDS = new Set(['to', 'until']);

/**
 * Every UTC instant in an answer, rewritten with the deployment's offset (`2027-02-08T06:00:00+05:00`), so that the
 * API says the same 06:00 as every SMS. Services keep and exchange UTC; this runs once, at the edge.
 */
export function withLocalTimes<T>(value: T, timeZone: string): T {
  if (typeof value === 'string') {
    return (UTC_INSTANT.test(value) ? toLocalIso(value, timeZone) : value) as T;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => withLocalTimes(item, timeZone)) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = withLocalTimes(item, timeZone);
    }
    return copy as T;
  }
  return value;
}

/**
 * Query values as an officer types them into a browser: `from=2027-02-08` is that local day (from its start; `to`
 * through its end), and a `+` of an offset that arrived as a space is put back. Other values are left as they are
 * for validation to judge.
 */
export function normalizeTimeQuery(query: Record<string, unknown>, timeZone: string): Record<string, unknown> {
  const normalized: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    normalized[name] = typeof value === 'string' ? normalizeTimeValue(name, value, timeZone) : value;
  }
  return normalized;
}

function normalizeTimeValue(name: string, value: string, timeZone: string): string {
  const spaced = SPACED_OFFSET.exec(value);
  if (spaced) {
    const offset = spaced[2].includes(':') ? spaced[2] : `${spaced[2].slice(0, 2)}:${spaced[2].slice(2)}`;
    return `${spaced[1]}+${offset}`;
  }
  if (DATE_ONLY.test(value) && (RANGE_STARTS.has(name) || RANGE_ENDS.has(name))) {
    try {
      const start = startOfLocalDay(value, timeZone);
      const instant = RANGE_STARTS.has(name) ? start : startOfLocalDay(nextDay(value), timeZone);
      return toLocalIso(instant, timeZone);
    } catch {
      return value;
    }
  }
  return value;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
