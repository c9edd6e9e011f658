import { DEFAULT_TIME_ZONE } from './duty.enums';
import { DutyWindow } from './duty-window';
import { addDays, atLocalMinutes, localDatesBetween, minutesOfDay, toLocalDate } from './local-time';

export interface MealSlot {
  name: string;
  start: string;
  end: string;
}

export interface RamadanMeals {
  from: string;
  to: string;
  slots: readonly MealSlot[];
}

export interface MealPolicy {
  timeZone: string;
  slots: readonly MealSlot[];
  ramadan?: RamadanMeals;
}

export interface CoveredMeal {
  date: string;
  slot: string;
}

export const DEFAULT_MEAL_SLOTS: readonly MealSlot[] = [
  { name: 'breakfast', start: '07:00', end: '09:00' },
  { name: 'lunch', start: '12:30', end: '14:30' },
  { name: 'dinner', start: '19:30', end: '21:30' },
];

const MINUTES_PER_DAY = 24 * 60;

function formatMinutes(minutes: number): string {
  const wrapped = minutes % MINUTES_PER_DAY;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(wrapped / 60))}:${pad(wrapped % 60)}`;
}

// Sehri and iftar take the place of breakfast and lunch while fasting.
export function RAMADAN_MEAL_SLOTS(iftarStart = '18:00'): MealSlot[] {
  return [
    { name: 'sehri', start: '03:30', end: '04:30' },
    {
      name: 'iftar',
      start: iftarStart,
      end: formatMinutes(minutesOfDay(iftarStart) + 60),
    },
    { name: 'dinner', start: '19:30', end: '21:30' },
  ];
}

export const DEFAULT_MEAL_POLICY: MealPolicy = {
  timeZone: DEFAULT_TIME_ZONE,
  slots: DEFAULT_MEAL_SLOTS,
};

// An end earlier than the start means the slot runs past midnight.
function midpointMinutes(slot: MealSlot): number {
  const start = minutesOfDay(slot.start);
  const end = minutesOfDay(slot.end);
  const length = end >= start ? end - start : end + MINUTES_PER_DAY - start;
  return start + length / 2;
}

function slotsFor(date: string, policy: MealPolicy): readonly MealSlot[] {
  const { ramadan } = policy;
  return ramadan && ramadan.from <= date && date <= ramadan.to ? ramadan.slots : policy.slots;
}

export function mealSlotsCovered(window: DutyWindow, policy: MealPolicy = DEFAULT_MEAL_POLICY): CoveredMeal[] {
  const start = window.startsAt.getTime();
  const end = window.endsAt.getTime();
  if (!(start < end)) {
    return [];
  }
  const first = addDays(toLocalDate(window.startsAt, policy.timeZone), -1);
  const last = addDays(toLocalDate(window.endsAt, policy.timeZone), 1);
  const covered: { meal: CoveredMeal; at: number }[] = [];
  for (const date of localDatesBetween(first, last)) {
    for (const slot of slotsFor(date, policy)) {
      const at = atLocalMinutes(date, midpointMinutes(slot), policy.timeZone).getTime();
      if (start <= at && at < end) {
        covered.push({ meal: { date, slot: slot.name }, at });
      }
    }
  }
  return covered.sort((a, b) => a.at - b.at).map(({ meal }) => meal);
}
