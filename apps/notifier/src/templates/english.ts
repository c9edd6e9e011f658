import { assertNever } from './assert-never';
import { Clock, NoticeFacts, SessionFacts } from './notice-facts';

const place = (s: SessionFacts) => `${s.venueName}, ${s.venueAddress}`;

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
    default:
      return assertNever(facts);
  }
}
