import { LegKind } from '@rasad/contracts';
import { DEFAULT_TRAVEL_POLICY, StayDuty, TravelPolicy, stays } from '@rasad/duty-assignments';

export interface DutyWithId extends StayDuty {
  id: string;
}

/**
 * When the leg of `kind` that serves this duty must happen, from the stay the duty belongs to (consecutive duties at
 * one post less than the policy's gap apart are one stay, travelled to once and back once): the arriveBy of its
 * outbound leg or the departAfter of its return. Null when the duty is not among the person's live duties.
 */
export function legTimeOfDuty(
  dutyId: string,
  kind: LegKind,
  personDuties: readonly DutyWithId[],
  policy: TravelPolicy = DEFAULT_TRAVEL_POLICY,
): Date | null {
  const stay = stays(personDuties, policy).find((s) => s.duties.some((d) => d.id === dutyId));
  if (!stay) {
    return null;
  }
  return kind === 'outbound' ? new Date(stay.startsAt.getTime() - policy.leadMinutes * 60_000) : new Date(stay.endsAt);
}
