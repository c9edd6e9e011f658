import { DateTime } from 'luxon';
import type { DemoAssignment, DemoPersonnel, DemoRank, HaripurDemo, HaripurDemoOptions } from './haripur-demo.types';
import { planDuties } from './haripur-duties';
import { buildGeography } from './haripur-geography';
import { PersonnelFactory } from './haripur-personnel';
import { buildPosts } from './haripur-posts';
import { SeededRandom, demoUuid } from './seed-random';

export * from './haripur-demo.types';

export const DEFAULT_POLL_DAY = '2027-02-08';
export const DEMO_TIME_ZONE = 'Asia/Karachi';

// Fixed so every call, on every machine, yields the same district.
const SEED = 0x48525044;

/** Drivers of the Motor Transport section: one for each of the 75 vehicles of transport's demo fleet, and 5 spare. */
export const MOTOR_TRANSPORT_DRIVERS = 80;

/**
 * A synthetic but plausible election deployment for Haripur: about 300 polling stations, 2,000 personnel
 * and their duties around `pollDay`, and the drivers of the Motor Transport section. Pure and deterministic: the same options always give the same data.
 */
export function buildHaripurDemo(options: HaripurDemoOptions = {}): HaripurDemo {
  const localTime = dutyClock(options.pollDay ?? DEFAULT_POLL_DAY);
  const rng = new SeededRandom(SEED);
  const geography = buildGeography();
  const posts = buildPosts(rng, geography);
  const slots = planDuties(rng, posts);
  const factory = new PersonnelFactory(rng, geography);

  const personnel: DemoPersonnel[] = [];
  const assignments: DemoAssignment[] = [];
  slots.forEach((slot, index) => {
    const person = factory.enlist(slot, index);
    personnel.push(person);
    // Confirmation is the person's: either they have acknowledged their posting orders or not yet.
    const status = rng.chance(0.75) ? 'confirmed' : 'planned';
    slot.windows.forEach((window, n) => {
      assignments.push({
        id: demoUuid(`assignment:${index}:${n}`),
        personnelId: person.id,
        postId: window.postId,
        role: window.role,
        startsAt: localTime(window.startHour),
        endsAt: localTime(window.endHour),
        phase: window.phase,
        status,
      });
    });
  });
  // Enlisted last, so every draw before them, and so every other person and duty, stays as it was. They hold no post:
  // on poll day they drive the fleet that takes everyone else to theirs.
  for (let n = 0; n < MOTOR_TRANSPORT_DRIVERS; n++) {
    const rank = rng.weighted<DemoRank>([
      ['constable', 4],
      ['head_constable', 1],
    ]);
    personnel.push(
      factory.enlist({ rank, unitCode: 'HRP-MOTOR-TRANSPORT', gender: 'male', windows: [] }, slots.length + n),
    );
  }

  return {
    districts: geography.districts,
    tehsils: geography.tehsils,
    policeStations: geography.policeStations,
    units: geography.units,
    posts: posts.all,
    personnel,
    assignments,
  };
}

/** Hours from poll-day midnight to ISO 8601 in Pakistan time; memoised as only a few dozen distinct hours occur. */
function dutyClock(pollDay: string): (hour: number) => string {
  const midnight = DateTime.fromISO(pollDay, { zone: DEMO_TIME_ZONE });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pollDay) || !midnight.isValid) {
    throw new Error(`pollDay must be a date as YYYY-MM-DD, got "${pollDay}"`);
  }
  const cache = new Map<number, string>();
  return (hour) => {
    let iso = cache.get(hour);
    if (iso === undefined) {
      iso = midnight.plus({ hours: hour }).toISO({ suppressMilliseconds: true })!;
      cache.set(hour, iso);
    }
    return iso;
  };
}
