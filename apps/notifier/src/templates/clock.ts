import { Language } from '@rasad/personnel';
import { DateTime } from 'luxon';
import { Clock } from './notice-facts';

const FORMATS: Record<
  Language,
  { locale: string; at: string; day: string; short: string; time: string; to: string; through: string }
> = {
  // A hyphen, not an en dash: one character outside GSM-7 turns a whole English SMS into UCS-2 (70 a part, not 160).
  en: {
    locale: 'en-GB',
    at: 'ccc d LLL yyyy, HH:mm',
    day: 'ccc d LLL yyyy',
    short: 'd LLL',
    time: 'HH:mm',
    to: '-',
    through: ' to ',
  },
  ur: {
    locale: 'ur',
    at: 'cccc d LLLL yyyy، HH:mm',
    day: 'cccc d LLLL yyyy',
    short: 'd LLLL',
    time: 'HH:mm',
    to: ' تا ',
    through: ' تا ',
  },
};

function lead(language: Language, seconds: number): string {
  const hours = seconds / 3600;
  if (Number.isInteger(hours) && hours > 0) {
    return language === 'en' ? `${hours} hour${hours === 1 ? '' : 's'}` : `${hours} گھنٹے`;
  }
  const minutes = Math.max(1, Math.round(seconds / 60));
  return language === 'en' ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${minutes} منٹ`;
}

/**
 * Times already written, by language, zone and instants: a burst of duty notices names the same few windows
 * thousands of times, and luxon's formatting was most of the notifier's CPU per notice (docs/benchmarks.md).
 */
const written = new Map<string, string>();
const WRITTEN_MAX = 10_000;

function remembered(key: string, write: () => string): string {
  let text = written.get(key);
  if (text === undefined) {
    text = write();
    if (written.size >= WRITTEN_MAX) {
      written.clear();
    }
    written.set(key, text);
  }
  return text;
}

/** Times as the recipient reads them: in the deployment's zone (Asia/Karachi by default), in their language. */
export function clockFor(language: Language, timeZone: string): Clock {
  const format = FORMATS[language];
  const local = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).setLocale(format.locale);
  return {
    at: (iso) => remembered(`${language} ${timeZone} ${iso}`, () => local(iso).toFormat(format.at)),
    window: (startsAt, endsAt) =>
      remembered(`${language} ${timeZone} ${startsAt} ${endsAt}`, () => {
        const start = local(startsAt);
        const end = local(endsAt);
        const endText = start.hasSame(end, 'day') ? end.toFormat(format.time) : end.toFormat(format.at);
        return `${start.toFormat(format.at)}${format.to}${endText}`;
      }),
    nights: (dates) => {
      // Local dates already: read in the zone, so no instant moves them a day.
      const day = (date: string) =>
        DateTime.fromISO(date, { zone: timeZone }).setLocale(format.locale).toFormat(format.day);
      const sorted = [...dates].sort();
      if (sorted.length === 0) {
        return '';
      }
      const first = sorted[0];
      const last = sorted[sorted.length - 1];
      return first === last ? day(first) : `${day(first)}${format.through}${day(last)}`;
    },
    lead: (seconds) => lead(language, seconds),
    day: (date) => DateTime.fromISO(date, { zone: timeZone }).setLocale(format.locale).toFormat(format.short),
  };
}

/** At start-up: a zone luxon does not know would put "Invalid DateTime" into every notice. */
export function checkTimeZone(timeZone: string): void {
  if (!DateTime.now().setZone(timeZone).isValid) {
    throw new Error(`Invalid configuration: RASAD_TIME_ZONE ${timeZone} is not an IANA time zone, e.g. Asia/Karachi`);
  }
}
