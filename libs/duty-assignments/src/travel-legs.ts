import type { TravelMode } from '@rasad/personnel';
import { DutyWindow } from './duty-window';

export interface StayDuty extends DutyWindow {
  postId: string;
}

export interface Stay<T extends StayDuty = StayDuty> {
  postId: string;
  startsAt: Date;
  endsAt: Date;
  duties: T[];
}

export interface TravelPolicy {
  leadMinutes: number;
  sameStayGapHours: number;
}

export const DEFAULT_TRAVEL_POLICY: TravelPolicy = {
  leadMinutes: 30,
  sameStayGapHours: 8,
};

export type TravelLeg =
  { kind: 'outbound'; postId: string; arriveBy: Date } | { kind: 'return'; postId: string; departAfter: Date };

const MS_PER_MINUTE = 60 * 1000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;

function byStart(a: StayDuty, b: StayDuty): number {
  return a.startsAt.getTime() - b.startsAt.getTime() || a.endsAt.getTime() - b.endsAt.getTime();
}

// A short break at the same post is not worth a round trip; the officer stays on site.
export function stays<T extends StayDuty>(
  duties: readonly T[],
  policy: TravelPolicy = DEFAULT_TRAVEL_POLICY,
): Stay<T>[] {
  const maxGap = policy.sameStayGapHours * MS_PER_HOUR;
  const result: Stay<T>[] = [];
  for (const duty of [...duties].sort(byStart)) {
    const current = result.at(-1);
    if (current && current.postId === duty.postId && duty.startsAt.getTime() - current.endsAt.getTime() < maxGap) {
      current.endsAt = new Date(Math.max(current.endsAt.getTime(), duty.endsAt.getTime()));
      current.duties.push(duty);
    } else {
      result.push({
        postId: duty.postId,
        startsAt: new Date(duty.startsAt),
        endsAt: new Date(duty.endsAt),
        duties: [duty],
      });
    }
  }
  return result;
}

export function travelLegsNeeded(
  duties: readonly StayDuty[],
  travelMode: TravelMode,
  policy: TravelPolicy = DEFAULT_TRAVEL_POLICY,
): TravelLeg[] {
  if (travelMode === 'self') {
    return [];
  }
  return stays(duties, policy).flatMap((stay): TravelLeg[] => [
    {
      kind: 'outbound',
      postId: stay.postId,
      arriveBy: new Date(stay.startsAt.getTime() - policy.leadMinutes * MS_PER_MINUTE),
    },
    { kind: 'return', postId: stay.postId, departAfter: new Date(stay.endsAt) },
  ]);
}
