import { NoticeKind, ReadinessDigestIssuedEvent } from '@rasad/contracts';

/** What a briefing notice says about its session. */
export interface SessionFacts {
  title: string;
  venueName: string;
  venueAddress: string;
  startsAt: string;
}

export interface DutyFacts {
  postName: string;
  postCode: string;
  startsAt: string;
  endsAt: string;
}

/** What a meal's dispatch notice says: how many meals for which slot left for the post, when and with whom. */
export interface MealFacts {
  postName: string;
  postCode: string;
  slot: string;
  count: number;
  dispatchedAt: string;
  dispatchedBy: string;
}

/**
 * A passenger's seat on a trip: to the post (outbound, picked up at the pickup point when the trip starts) or back
 * from it (return, picked up at the post when the trip leaves it, set down at the pickup point).
 */
export interface RideFacts {
  leg: 'outbound' | 'return';
  postName: string;
  postCode: string;
  /** Null for an event recorded before transport named its pickup points. */
  pickupPointName: string | null;
  pickupAt: string;
}

/** A bed as lodging's notices name it, and the nights (local dates) the notice is about. */
export interface BedFacts {
  siteName: string;
  address: string;
  roomName: string;
  bedLabel: string;
  nights: string[];
}

/** The daily digest: readiness's English text as issued, and the figures an Urdu notice is written from. */
export type DigestFacts = Pick<
  ReadinessDigestIssuedEvent,
  'districtName' | 'assignments' | 'ready' | 'percentReady' | 'gaps' | 'text'
>;

/** The facts each kind of notice is rendered from, one shape per kind. */
export type NoticeFacts =
  | { kind: 'calendar_link'; url: string }
  | { kind: 'briefing_invitation'; session: SessionFacts }
  | { kind: 'briefing_rescheduled'; session: SessionFacts; previousStartsAt: string }
  | { kind: 'briefing_cancelled'; session: SessionFacts }
  | { kind: 'briefing_invitation_cancelled'; session: SessionFacts }
  | { kind: 'briefing_reminder'; session: SessionFacts; offsetSeconds: number }
  | { kind: 'duty_posted'; duty: DutyFacts }
  | { kind: 'duty_cancelled'; duty: DutyFacts; reason: string | null }
  | { kind: 'duty_changed'; duty: DutyFacts }
  | { kind: 'meal_dispatched'; meal: MealFacts }
  | { kind: 'transport_booked'; ride: RideFacts }
  | { kind: 'transport_cancelled'; ride: RideFacts }
  | { kind: 'lodging_allocated'; bed: BedFacts }
  | { kind: 'lodging_no_show'; bed: BedFacts }
  | { kind: 'lodging_no_show_officer'; bed: BedFacts; person: { name: string; serviceNumber: string } }
  | { kind: 'readiness_digest'; digest: DigestFacts };

/** Local-time formatting for one language, in the deployment's zone. */
export interface Clock {
  /** "Fri 5 Feb 2027, 10:00" */
  at(iso: string): string;
  /** A window: the end without its date when it ends the same local day. */
  window(startsAt: string, endsAt: string): string;
  /** Local dates (nights): "Sun 7 Feb 2027", or the first and last of several "Sun 7 Feb 2027 to Tue 9 Feb 2027" */
  nights(dates: readonly string[]): string;
  /** "24 hours", "30 minutes" */
  lead(seconds: number): string;
  /** A local date without its weekday and year: "8 Feb" */
  day(date: string): string;
}

export type Template = (facts: NoticeFacts, clock: Clock) => string;

export type KindOf<K extends NoticeKind> = Extract<NoticeFacts, { kind: K }>;
