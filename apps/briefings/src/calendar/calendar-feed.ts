import { BriefingTopic } from '@rasad/contracts';
import ical, { ICalEventStatus } from 'ical-generator';

/** One briefing as a calendar shows it. */
export interface CalendarEntry {
  sessionId: string;
  title: string;
  topics: BriefingTopic[];
  venueName: string;
  venueAddress: string;
  presenter: string;
  startsAt: Date;
  endsAt: Date;
  /** The session's sequence: grows with every reschedule or cancel. */
  sequence: number;
  cancelled: boolean;
  /** Last change to what this entry shows. */
  modifiedAt: Date;
  /** A line for this reader only, e.g. why their seat is gone. */
  note?: string;
}

/** How often calendar apps should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 15 * 60;

/** Stable across every version of a session, so a calendar app updates the event instead of adding one. */
export function sessionUid(sessionId: string): string {
  return `${sessionId}@rasad`;
}

export function topicLabel(topic: BriefingTopic): string {
  const words = topic.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * An RFC 5545 calendar of briefings. Times are in UTC, which every calendar app shows in its reader's zone;
 * cancelled sessions stay in the feed as STATUS:CANCELLED, so apps that already hold them mark them cancelled.
 */
export function renderCalendar(name: string, entries: readonly CalendarEntry[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'rasad', product: 'briefings', language: 'EN' },
    ttl: REFRESH_SECONDS,
  });
  for (const entry of entries) {
    calendar.createEvent({
      id: sessionUid(entry.sessionId),
      sequence: entry.sequence,
      start: entry.startsAt,
      end: entry.endsAt,
      summary: entry.title,
      location: `${entry.venueName}, ${entry.venueAddress}`,
      description: description(entry),
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: entry.modifiedAt,
      lastModified: entry.modifiedAt,
    });
  }
  return calendar.toString();
}

function description(entry: CalendarEntry): string {
  return [entry.note, `Topics: ${entry.topics.map(topicLabel).join(', ')}`, `Presenter: ${entry.presenter}`]
    .filter((line): line is string => Boolean(line))
    .join('\n');
}
