import { DEFAULT_TIME_ZONE } from './duty.enums';
import { DutyWindow, windowsOverlap } from './duty-window';
import { addDays, atLocalTime, localDatesBetween, toLocalDate } from './local-time';

export interface LodgingCase {
  homeDistrictId: string | null;
  postDistrictId: string;
  postRemote?: boolean;
}

// An unknown home district counts as away: a spare bed is cheaper than an officer sleeping in a vehicle.
export function needsLodging({ homeDistrictId, postDistrictId, postRemote = false }: LodgingCase): boolean {
  return postRemote || homeDistrictId !== postDistrictId;
}

export interface NightPolicy {
  timeZone: string;
  nightStart: string;
  nightEnd: string;
  earlyStartBefore: string;
}

export const DEFAULT_NIGHT_POLICY: NightPolicy = {
  timeZone: DEFAULT_TIME_ZONE,
  nightStart: '22:00',
  nightEnd: '05:00',
  earlyStartBefore: '08:00',
};

// Night d runs from nightStart on d to nightEnd on d + 1.
function nightOf(date: string, policy: NightPolicy): DutyWindow {
  return {
    startsAt: atLocalTime(date, policy.nightStart, policy.timeZone),
    endsAt: atLocalTime(addDays(date, 1), policy.nightEnd, policy.timeZone),
  };
}

function startsEarly(window: DutyWindow, policy: NightPolicy): boolean {
  const startDate = toLocalDate(window.startsAt, policy.timeZone);
  const cutoff = atLocalTime(startDate, policy.earlyStartBefore, policy.timeZone);
  return window.startsAt.getTime() < cutoff.getTime();
}

export function bedNightsNeeded(window: DutyWindow, policy: NightPolicy = DEFAULT_NIGHT_POLICY): string[] {
  if (!(window.startsAt.getTime() < window.endsAt.getTime())) {
    return [];
  }
  const startDate = toLocalDate(window.startsAt, policy.timeZone);
  const candidates = localDatesBetween(addDays(startDate, -1), toLocalDate(window.endsAt, policy.timeZone));
  const nights = new Set(candidates.filter((date) => windowsOverlap(window, nightOf(date, policy))));
  // Someone on duty before breakfast has to sleep near the post the night before.
  if (startsEarly(window, policy)) {
    nights.add(addDays(startDate, -1));
  }
  return [...nights].sort();
}

export function bedNightsForDuties(windows: DutyWindow[], policy: NightPolicy = DEFAULT_NIGHT_POLICY): string[] {
  const nights = new Set(windows.flatMap((window) => bedNightsNeeded(window, policy)));
  return [...nights].sort();
}
