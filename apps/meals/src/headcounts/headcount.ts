import { DietaryTallyView, HeadcountPersonView, MealPolicyView } from '@rasad/contracts';
import { OTHER_DIETARY_PREFIX, dietaryTally, normalizeDietaryNeed } from '@rasad/personnel';
import { DutyFact, PostFact } from '../roster/roster-facts.repository';
import { slotsCoveredOn, slotsOn } from '../policy/meal-policy';

/** The people a post needs fed at one slot of one day. */
export interface Headcount {
  post: PostFact;
  date: string;
  slot: string;
  people: HeadcountPersonView[];
}

export function headcountId(postId: string, date: string, slot: string): string {
  return `${postId}:${date}:${slot}`;
}

/** Needs by kind, and each `other:` text with how many ask for it. */
export function tallyOf(people: readonly { dietaryNeeds: string[] }[]): DietaryTallyView {
  const tally = dietaryTally(people.map((person) => person.dietaryNeeds));
  const otherNeeds: Record<string, number> = {};
  for (const person of people) {
    const texts = new Set(
      person.dietaryNeeds
        .map((need) => normalizeDietaryNeed(need))
        .filter((need): need is string => need !== null && need.startsWith(OTHER_DIETARY_PREFIX))
        .map((need) => need.slice(OTHER_DIETARY_PREFIX.length)),
    );
    for (const text of texts) {
      otherNeeds[text] = (otherNeeds[text] ?? 0) + 1;
    }
  }
  return {
    vegetarian: tally.vegetarian,
    diabetic: tally.diabetic,
    no_gluten: tally.no_gluten,
    other: tally.other,
    otherNeeds,
  };
}

/**
 * Per post and slot of `date`, everyone on a live duty whose window covers the slot (`mealSlotsCovered`, through the
 * day's policy); a person counts once per post and slot. In post code order, then the slots' order that day.
 */
export function headcountsOn(duties: readonly DutyFact[], policy: MealPolicyView, date: string): Headcount[] {
  const order = slotsOn(policy, date).map((slot) => slot.name);
  const counts = new Map<string, Headcount>();
  // Duties come in a few shifts: the rule runs once per distinct window (luxon makes each call cost a millisecond).
  const covered = new Map<string, string[]>();
  for (const duty of duties) {
    const window = `${duty.startsAt.getTime()}:${duty.endsAt.getTime()}`;
    let slots = covered.get(window);
    if (!slots) {
      slots = slotsCoveredOn(duty, policy, date);
      covered.set(window, slots);
    }
    for (const slot of slots) {
      const key = headcountId(duty.post.id, date, slot);
      let headcount = counts.get(key);
      if (!headcount) {
        headcount = { post: duty.post, date, slot, people: [] };
        counts.set(key, headcount);
      }
      if (!headcount.people.some((person) => person.personnelId === duty.personnelId)) {
        headcount.people.push({
          personnelId: duty.personnelId,
          serviceNumber: duty.serviceNumber,
          name: duty.name,
          dietaryNeeds: duty.dietaryNeeds,
        });
      }
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      a.post.code.localeCompare(b.post.code) ||
      a.post.id.localeCompare(b.post.id) ||
      order.indexOf(a.slot) - order.indexOf(b.slot),
  );
}

/** How a plan stands against its live headcount: short by the meals or dietary meals it lacks, or surplus. */
export function planFlag(
  count: number,
  dietary: DietaryTallyView,
  live: { count: number; dietary: DietaryTallyView },
): { flag: 'ok' | 'short' | 'surplus'; shortBy: number; surplusBy: number } {
  const dietaryGap = Math.max(
    0,
    ...(['vegetarian', 'diabetic', 'no_gluten', 'other'] as const).map(
      (kind) => (live.dietary[kind] ?? 0) - (dietary[kind] ?? 0),
    ),
  );
  const shortBy = Math.max(live.count - count, dietaryGap);
  if (shortBy > 0) {
    return { flag: 'short', shortBy, surplusBy: 0 };
  }
  const surplusBy = count - live.count;
  return surplusBy > 0 ? { flag: 'surplus', shortBy: 0, surplusBy } : { flag: 'ok', shortBy: 0, surplusBy: 0 };
}
