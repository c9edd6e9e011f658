import {
  BriefingTopic,
  CoveredMeal,
  DutyWindow,
  DEFAULT_MEAL_SLOTS,
  DEFAULT_NIGHT_POLICY,
  DEFAULT_TRAVEL_POLICY,
  bedNightsNeeded,
  mealSlotsCovered,
  missingBriefingTopics,
  needsLodging,
  stays,
} from '@rasad/duty-assignments';
import { OTHER_DIETARY_PREFIX, TravelMode, normalizeDietaryNeed } from '@rasad/personnel';
import { ReadinessCheck } from '@rasad/contracts';
import { DIETARY_NAMES, TOPIC_NAMES, clockText, dayText } from './verdict-text';

/** A live duty with what the four checks need of its post and person. */
export interface JudgedDuty {
  id: string;
  personnelId: string;
  postId: string;
  postCode: string;
  districtId: string;
  tehsilId: string;
  policeStationId: string;
  postRemote: boolean;
  unitId: string | null;
  homeDistrictId: string | null;
  /** Null while the person's own event has not arrived: `provided`, as transport counts them. */
  travelMode: TravelMode | null;
  phase: string;
  startsAt: Date;
  endsAt: Date;
}

export interface PersonDuty {
  id: string;
  postId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface Attendance {
  status: string;
  topics: BriefingTopic[];
  endsAt: Date;
  codeOfConductAcknowledgedAt: Date | null;
}

export interface Booking {
  postId: string;
  leg: 'outbound' | 'return';
  stopArrivesAt: Date;
  stopDepartsAt: Date;
}

/** What the other services have reported about one person. */
export interface PersonFacts {
  duties: PersonDuty[];
  attendance: Attendance[];
  bookings: Booking[];
  nights: ReadonlySet<string>;
}

/** One post's meal slot: its live plan, and the people it must feed, earliest assigned first. */
export interface MealSlotFacts {
  plan: { count: number; dietary: Record<string, unknown> } | null;
  people: { personnelId: string; dietaryKinds: string[] }[];
}

export interface MissingItem {
  check: ReadinessCheck;
  code: string;
  text: string;
}

export interface Judgement {
  checks: Record<ReadinessCheck, boolean>;
  missing: MissingItem[];
}

export interface JudgeContext {
  timeZone: string;
  person: PersonFacts;
  /** By `slotKey(postId, date, slot)`. */
  mealSlots: ReadonlyMap<string, MealSlotFacts>;
  /** The rules per distinct window: a district's duties come in a few shifts (`windowRules`). */
  rules?: WindowRules;
}

/** `mealSlotsCovered` and `bedNightsNeeded` for a window, each worked out once per distinct window. */
export interface WindowRules {
  meals(window: DutyWindow): CoveredMeal[];
  nights(window: DutyWindow): string[];
}

export function windowRules(timeZone: string): WindowRules {
  const meals = new Map<string, CoveredMeal[]>();
  const nights = new Map<string, string[]>();
  const key = (window: DutyWindow) => `${window.startsAt.getTime()}:${window.endsAt.getTime()}`;
  const memo = <T>(cache: Map<string, T>, window: DutyWindow, rule: () => T): T => {
    const k = key(window);
    let value = cache.get(k);
    if (value === undefined) {
      value = rule();
      cache.set(k, value);
    }
    return value;
  };
  return {
    meals: (window) => memo(meals, window, () => mealSlotsCovered(window, { timeZone, slots: DEFAULT_MEAL_SLOTS })),
    nights: (window) => memo(nights, window, () => bedNightsNeeded(window, { ...DEFAULT_NIGHT_POLICY, timeZone })),
  };
}

export const slotKey = (postId: string, date: string, slot: string) => `${postId}|${date}|${slot}`;

/** A person's dietary needs as meals tallies them: each known kind once, every `other:` need as `other`. */
export function dietaryKinds(needs: readonly string[] | null): string[] {
  const kinds = new Set<string>();
  for (const entry of needs ?? []) {
    const need = normalizeDietaryNeed(entry);
    if (need) {
      kinds.add(need.startsWith(OTHER_DIETARY_PREFIX) ? 'other' : need);
    }
  }
  return [...kinds].sort();
}

function briefed(duty: JudgedDuty, { person }: JudgeContext): MissingItem[] {
  const before = person.attendance.filter(
    (a) => a.status === 'present' && a.endsAt.getTime() <= duty.startsAt.getTime(),
  );
  const attended = [...new Set(before.flatMap((a) => a.topics))];
  const missing: MissingItem[] = missingBriefingTopics(attended).map((topic) => ({
    check: 'briefed',
    code: `briefed.topic:${topic}`,
    text: `${TOPIC_NAMES[topic] ?? topic} briefing not attended`,
  }));
  const acknowledged = before.some(
    (a) => a.codeOfConductAcknowledgedAt !== null && a.codeOfConductAcknowledgedAt.getTime() <= duty.startsAt.getTime(),
  );
  if (!acknowledged) {
    missing.push({
      check: 'briefed',
      code: 'briefed.code_of_conduct_acknowledged',
      text: 'code of conduct not acknowledged',
    });
  }
  return missing;
}

function transported(duty: JudgedDuty, { person, timeZone }: JudgeContext): MissingItem[] {
  if ((duty.travelMode ?? 'provided') === 'self') {
    return [];
  }
  const stay = stays(person.duties, DEFAULT_TRAVEL_POLICY).find((s) => s.duties.some((d) => d.id === duty.id));
  if (!stay) {
    return [];
  }
  const arriveBy = new Date(stay.startsAt.getTime() - DEFAULT_TRAVEL_POLICY.leadMinutes * 60_000);
  const departAfter = stay.endsAt;
  const booked = (leg: Booking['leg']) => person.bookings.filter((b) => b.postId === stay.postId && b.leg === leg);
  const missing: MissingItem[] = [];
  if (!booked('outbound').some((b) => b.stopArrivesAt.getTime() <= arriveBy.getTime())) {
    missing.push({
      check: 'transported',
      code: `transported.outbound:${arriveBy.toISOString()}`,
      text: `no outbound leg to ${duty.postCode} arriving by ${clockText(arriveBy, timeZone)}`,
    });
  }
  if (!booked('return').some((b) => b.stopDepartsAt.getTime() >= departAfter.getTime())) {
    missing.push({
      check: 'transported',
      code: `transported.return:${departAfter.toISOString()}`,
      text: `no return leg from ${duty.postCode} after ${clockText(departAfter, timeZone)}`,
    });
  }
  return missing;
}

function lodged(duty: JudgedDuty, { person, timeZone, rules = windowRules(timeZone) }: JudgeContext): MissingItem[] {
  const away = needsLodging({
    homeDistrictId: duty.homeDistrictId,
    postDistrictId: duty.districtId,
    postRemote: duty.postRemote,
  });
  if (!away) {
    return [];
  }
  return rules
    .nights(duty)
    .filter((night) => !person.nights.has(night))
    .map((night) => ({
      check: 'lodged' as const,
      code: `lodged.night:${night}`,
      text: `no bed for the night of ${dayText(night)}`,
    }));
}

/** The people a count leaves out are the last assigned: a plan for 40 where 43 are posted misses the latest 3. */
function leftOut(people: readonly string[], planned: number, personnelId: string): boolean {
  const index = people.indexOf(personnelId);
  return index >= Math.max(0, planned);
}

function countOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function fed(duty: JudgedDuty, { mealSlots, timeZone, rules = windowRules(timeZone) }: JudgeContext): MissingItem[] {
  const missing: MissingItem[] = [];
  for (const { date, slot } of rules.meals(duty)) {
    const facts = mealSlots.get(slotKey(duty.postId, date, slot));
    if (!facts?.plan) {
      missing.push({
        check: 'fed',
        code: `fed.no_plan:${date}:${slot}`,
        text: `no ${slot} plan on ${dayText(date)} at ${duty.postCode}`,
      });
      continue;
    }
    const everyone = facts.people.map((p) => p.personnelId);
    if (leftOut(everyone, facts.plan.count, duty.personnelId)) {
      missing.push({
        check: 'fed',
        code: `fed.short:${date}:${slot}`,
        text: `no ${slot} counted for you on ${dayText(date)} at ${duty.postCode}: plan for ${facts.plan.count}, ${everyone.length} posted`,
      });
    }
    const mine = facts.people.find((p) => p.personnelId === duty.personnelId)?.dietaryKinds ?? [];
    for (const kind of mine) {
      const needing = facts.people.filter((p) => p.dietaryKinds.includes(kind)).map((p) => p.personnelId);
      const planned = countOf(facts.plan.dietary[kind]);
      if (leftOut(needing, planned, duty.personnelId)) {
        missing.push({
          check: 'fed',
          code: `fed.dietary:${date}:${slot}:${kind}`,
          text: `no ${DIETARY_NAMES[kind] ?? kind} ${slot} counted for you on ${dayText(date)} at ${duty.postCode}: plan has ${planned}, ${needing.length} need it`,
        });
      }
    }
  }
  return missing;
}

/** The four checks of DESIGN.md's "Readiness" for one duty, each by the rules of libs/duty-assignments. */
export function judge(duty: JudgedDuty, context: JudgeContext): Judgement {
  const missing = [
    ...briefed(duty, context),
    ...transported(duty, context),
    ...lodged(duty, context),
    ...fed(duty, context),
  ];
  const fails = (check: ReadinessCheck) => missing.some((item) => item.check === check);
  return {
    checks: {
      briefed: !fails('briefed'),
      transported: !fails('transported'),
      lodged: !fails('lodged'),
      fed: !fails('fed'),
    },
    missing,
  };
}
