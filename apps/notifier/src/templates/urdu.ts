import { assertNever } from './assert-never';
import { DigestGapKind, ReadinessDigestGapEvent } from '@rasad/contracts';
import { BedFacts, Clock, DigestFacts, NoticeFacts, RideFacts, SessionFacts } from './notice-facts';

const place = (s: SessionFacts) => `${s.venueName}، ${s.venueAddress}`;

const point = (r: RideFacts) => r.pickupPointName ?? 'مقررہ مقام';

const post = (r: RideFacts) => `${r.postName} (${r.postCode})`;

/** Which ride: to the post, or back from it. */
const leg = (r: RideFacts) => (r.leg === 'outbound' ? `${post(r)} جانے کے لیے` : `${post(r)} سے واپسی کے لیے`);

const who = (p: { name: string; serviceNumber: string }) =>
  p.serviceNumber ? `${p.name} (${p.serviceNumber})` : p.name;

const bed = (b: BedFacts) => `${b.siteName}، ${b.address}، کمرہ ${b.roomName}، بستر ${b.bedLabel}`;

const SLOTS: Record<string, string> = {
  breakfast: 'ناشتے',
  lunch: 'دوپہر',
  dinner: 'رات',
  sehri: 'سحری',
  iftar: 'افطار',
};

// A slot the deployment named itself keeps its own name.
const slotInUrdu = (slot: string) => SLOTS[slot] ?? slot;

/** One of the digest's gaps: "12 پوسٹوں پر 41 افراد: 8 فروری رات کا کھانا نہیں". */
function digestGap(gap: ReadinessDigestGapEvent, clock: Clock): string {
  const on = gap.date ? `${clock.day(gap.date)} ` : '';
  const lacking: Record<DigestGapKind, string> = {
    briefing: 'بریفنگ مکمل نہیں',
    outbound: `${on}پوسٹ تک ٹرانسپورٹ نہیں`,
    return: `${on}واپسی کی ٹرانسپورٹ نہیں`,
    bed: `${on}رات کے لیے بستر نہیں`,
    meal: `${on}${slotInUrdu(gap.slot ?? '')} کا کھانا نہیں`,
  };
  return `${gap.posts} پوسٹوں پر ${gap.people} افراد: ${lacking[gap.kind]}`;
}

function digest(d: DigestFacts, clock: Clock): string {
  const head = `رسد: ${d.districtName ?? 'ضلع'}: ${d.percentReady}% تیار (${d.assignments} میں سے ${d.ready} ڈیوٹیاں)`;
  const gaps = d.gaps.map((gap) => digestGap(gap, clock));
  return gaps.length === 0 ? `${head}؛ کچھ کمی نہیں۔` : `${head}؛ ${gaps.join('؛ ')}۔`;
}

/** Urdu notices (UCS-2 on SMS: 70 characters a part, so kept plain). */
export function urdu(facts: NoticeFacts, clock: Clock): string {
  switch (facts.kind) {
    case 'calendar_link':
      return `رسد: آپ کی بریفنگز کا کیلنڈر، اپنے فون کے کیلنڈر میں شامل کریں (کسی کو نہ دیں): ${facts.url}`;
    case 'briefing_invitation':
      return `رسد: آپ کو بریفنگ "${facts.session.title}" میں مدعو کیا گیا ہے: ${clock.at(facts.session.startsAt)}، ${place(facts.session)}۔`;
    case 'briefing_rescheduled':
      return `رسد: بریفنگ "${facts.session.title}" کا وقت ${clock.at(facts.previousStartsAt)} سے بدل کر ${clock.at(facts.session.startsAt)} کر دیا گیا ہے۔ مقام: ${place(facts.session)}۔`;
    case 'briefing_cancelled':
      return `رسد: بریفنگ "${facts.session.title}" (${clock.at(facts.session.startsAt)}، ${facts.session.venueName}) منسوخ کر دی گئی ہے۔`;
    case 'briefing_invitation_cancelled':
      return `رسد: بریفنگ "${facts.session.title}" (${clock.at(facts.session.startsAt)}) میں اب آپ کی شرکت متوقع نہیں۔`;
    case 'briefing_reminder':
      return `رسد یاددہانی: بریفنگ "${facts.session.title}" ${clock.lead(facts.offsetSeconds)} بعد، ${clock.at(facts.session.startsAt)}، ${place(facts.session)}۔`;
    case 'duty_posted':
      return `رسد: آپ کی ڈیوٹی ${facts.duty.postName} (${facts.duty.postCode}) پر لگائی گئی ہے: ${clock.window(facts.duty.startsAt, facts.duty.endsAt)}۔`;
    case 'duty_cancelled':
      return `رسد: ڈیوٹی منسوخ، حاضر نہ ہوں: ${facts.duty.postName} (${facts.duty.postCode})، ${clock.window(facts.duty.startsAt, facts.duty.endsAt)}۔${facts.reason ? ` وجہ: ${facts.reason}` : ''}`;
    case 'duty_changed':
      return `رسد: آپ کی ڈیوٹی تبدیل ہو گئی ہے: ${facts.duty.postName} (${facts.duty.postCode})، ${clock.window(facts.duty.startsAt, facts.duty.endsAt)}۔`;
    case 'meal_dispatched':
      return `رسد: ${facts.meal.postName} (${facts.meal.postCode}) کے لیے ${slotInUrdu(facts.meal.slot)} کے ${facts.meal.count} کھانے ${clock.at(facts.meal.dispatchedAt)} پر روانہ کر دیے گئے، ہمراہ: ${facts.meal.dispatchedBy}۔`;
    case 'transport_booked':
      return facts.ride.leg === 'outbound'
        ? `رسد: ${post(facts.ride)} جانے کے لیے ٹرانسپورٹ: ${point(facts.ride)} سے، ${clock.at(facts.ride.pickupAt)}۔`
        : `رسد: ${post(facts.ride)} سے ${point(facts.ride)} واپسی کے لیے ٹرانسپورٹ: آپ کی پوسٹ سے، ${clock.at(facts.ride.pickupAt)}۔`;
    case 'transport_cancelled':
      return `رسد: ٹرانسپورٹ منسوخ: ${leg(facts.ride)}، روانگی ${clock.at(facts.ride.pickupAt)}۔`;
    case 'lodging_allocated':
      return `رسد: آپ کی رہائش: ${bed(facts.bed)}؛ رات: ${clock.nights(facts.bed.nights)}۔`;
    case 'lodging_no_show':
      return `رسد: مقررہ وقت تک چیک اِن نہ کرنے پر ${facts.bed.siteName} (کمرہ ${facts.bed.roomName}، بستر ${facts.bed.bedLabel}) میں آپ کا بستر رات ${clock.nights(facts.bed.nights)} کے لیے واپس لے لیا گیا ہے۔`;
    case 'lodging_no_show_officer':
      return `رسد: ${who(facts.person)} مقررہ وقت تک ${facts.bed.siteName} میں چیک اِن نہیں ہوئے؛ ان کا بستر رات ${clock.nights(facts.bed.nights)} کے لیے واپس لے لیا گیا ہے۔`;
    case 'readiness_digest':
      return digest(facts.digest, clock);
    default:
      return assertNever(facts);
  }
}
