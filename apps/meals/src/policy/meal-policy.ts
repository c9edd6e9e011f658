import { DomainError, ErrorCode, MealPolicyView } from '@rasad/contracts';
import {
  CoveredMeal,
  DutyWindow,
  MealPolicy,
  MealSlot,
  RAMADAN_MEAL_SLOTS,
  atLocalTime,
  mealSlotsCovered,
} from '@rasad/duty-assignments';

/**
 * The deployment's policy as the shared rules take it, for one date: in Ramadan sehri and iftar (at that date's
 * iftar time) take the place of breakfast and lunch. `mealSlotsCovered` takes one Ramadan table for its whole range;
 * iftar moves each day, so each date gets a policy of its own.
 */
export function mealPolicyOn(policy: MealPolicyView, date: string): MealPolicy {
  return { timeZone: policy.timeZone, slots: slotsOn(policy, date) };
}

export function slotsOn(policy: MealPolicyView, date: string): MealSlot[] {
  const ramadan = policy.ramadan;
  if (!ramadan || date < ramadan.from || date > ramadan.to) {
    return policy.slots.map(({ name, start, end }) => ({ name, start, end }));
  }
  return RAMADAN_MEAL_SLOTS(ramadan.iftarByDate?.[date] ?? ramadan.iftar).map((slot) =>
    slot.name === 'sehri' ? { ...slot, start: ramadan.sehriStart, end: ramadan.sehriEnd } : slot,
  );
}

/** The slots of `date` that a duty window covers (slot midpoint inside the window), by the shared rule. */
export function slotsCoveredOn(window: DutyWindow, policy: MealPolicyView, date: string): string[] {
  return mealSlotsCovered(window, mealPolicyOn(policy, date))
    .filter((meal: CoveredMeal) => meal.date === date)
    .map((meal) => meal.slot);
}

function invalid(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, `${field} ${message}`, [
    { field, message: `${field} ${message}` },
  ]);
}

/** A date within the deployment's days (when an admin has set them): 400 naming `field` otherwise. */
export function ensureDeploymentDate(policy: MealPolicyView, date: string, field = 'date'): void {
  if ((policy.firstDate && date < policy.firstDate) || (policy.lastDate && date > policy.lastDate)) {
    throw invalid(field, `must be a day of the deployment, ${policy.firstDate} to ${policy.lastDate}`);
  }
}

/** The slot as the policy has it on that date, and when it starts: 400 naming `field` for a slot it lacks. */
export function slotOn(
  policy: MealPolicyView,
  date: string,
  name: string,
  field = 'slot',
): MealSlot & { startsAt: Date } {
  const slots = slotsOn(policy, date);
  const slot = slots.find((candidate) => candidate.name === name);
  if (!slot) {
    throw invalid(field, `must be a meal slot of ${date}: ${slots.map((s) => s.name).join(', ')}`);
  }
  return { ...slot, startsAt: atLocalTime(date, slot.start, policy.timeZone) };
}
