import { assertNever } from './assert-never';
import { BedFacts, Clock, NoticeFacts, RideFacts, SessionFacts } from './notice-facts';

const place = (s: SessionFacts) => `${s.venueName}, ${s.venueAddress}`;

const point = (r: RideFacts) => r.pickupPointName ?? 'your pickup point';

const post = (r: RideFacts) => `${r.postName} (${r.postCode})`;

/** Which ride: to the post, or back from it. */
const leg = (r: RideFacts) => (r.leg === 'outbound' ? `to ${post(r)}` : `back from ${post(r)}`);

const bed = (b: BedFacts) => `${b.siteName}, ${b.address}, room ${b.roomName}, bed ${b.bedLabel}`;

/** A person as an officer knows them: name, and service number when the notifier has it. */
const who = (p: { name: string; serviceNumber: string }) =>
  p.serviceNumber ? `${p.name} (${p.serviceNumber})` : p.name;

const nights = (b: BedFacts, clock: Clock) => `night${b.nights.length === 1 ? '' : 's'} ${clock.nights(b.nights)}`;

/** English notices: short enough for one or two GSM-7 parts with a typical venue. */
export function english(facts: NoticeFacts, clock: Clock): string {
  switch (facts.kind) {
    case 'calendar_link':
      return `Rasad: briefings calendar for your phone (keep private): ${facts.url}`;
    case 'briefing_invitation':
      return `Rasad: You are invited to briefing "${facts.session.title}" on ${clock.at(facts.session.startsAt)} at ${place(facts.session)}.`;
    case 'briefing_rescheduled':
      return `Rasad: Briefing "${facts.session.title}" moved from ${clock.at(facts.previousStartsAt)} to ${clock.at(facts.session.startsAt)} at ${place(facts.session)}.`;
    case 'briefing_cancelled':
      return `Rasad: Briefing "${facts.session.title}" on ${clock.at(facts.session.startsAt)} at ${facts.session.venueName} is cancelled.`;
    case 'briefing_invitation_cancelled':
      return `Rasad: You are no longer expected at briefing "${facts.session.title}" on ${clock.at(facts.session.startsAt)}.`;
    case 'briefing_reminder':
      return `Rasad reminder: briefing "${facts.session.title}" in ${clock.lead(facts.offsetSeconds)}, ${clock.at(facts.session.startsAt)} at ${place(facts.session)}.`;
    case 'duty_posted':
      return `Rasad: You are posted to ${facts.duty.postName} (${facts.duty.postCode}), ${clock.window(facts.duty.startsAt, facts.duty.endsAt)}.`;
    case 'duty_cancelled':
      return `Rasad: Duty cancelled, do not report: ${facts.duty.postName} (${facts.duty.postCode}), ${clock.window(facts.duty.startsAt, facts.duty.endsAt)}.${facts.reason ? ` Reason: ${facts.reason}` : ''}`;
    case 'duty_changed':
      return `Rasad: Your duty changed: ${facts.duty.postName} (${facts.duty.postCode}), ${clock.window(facts.duty.startsAt, facts.duty.endsAt)}.`;
    case 'meal_dispatched':
      return `Rasad: ${facts.meal.count} ${facts.meal.slot} meals for ${facts.meal.postName} (${facts.meal.postCode}) dispatched ${clock.at(facts.meal.dispatchedAt)} with ${facts.meal.dispatchedBy}.`;
    case 'transport_booked':
      // Where and when the passenger is picked up: at the pickup point going out, at their post coming back.
      return facts.ride.leg === 'outbound'
        ? `Rasad: Transport to ${post(facts.ride)}: pickup at ${point(facts.ride)}, ${clock.at(facts.ride.pickupAt)}.`
        : `Rasad: Back from ${post(facts.ride)} to ${point(facts.ride)}: pickup at your post, ${clock.at(facts.ride.pickupAt)}.`;
    case 'transport_cancelled':
      return `Rasad: Transport cancelled: ${leg(facts.ride)}, pickup ${clock.at(facts.ride.pickupAt)}.`;
    case 'lodging_allocated':
      return `Rasad: Your lodging: ${bed(facts.bed)}; ${nights(facts.bed, clock)}.`;
    case 'lodging_no_show':
      return `Rasad: Not checked in by the cut-off: your bed at ${facts.bed.siteName} (room ${facts.bed.roomName}, bed ${facts.bed.bedLabel}) for ${nights(facts.bed, clock)} is released.`;
    case 'lodging_no_show_officer':
      return `Rasad: ${who(facts.person)} not checked in at ${facts.bed.siteName} by the cut-off: bed for ${nights(facts.bed, clock)} released.`;
    case 'readiness_digest':
      // Readiness writes the digest's English itself (the event's text), so the notice says what the event says.
      return `Rasad: ${facts.digest.text}`;
    default:
      return assertNever(facts);
  }
}
