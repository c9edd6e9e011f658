import { LegKind } from '@rasad/contracts';
import { DEFAULT_TRAVEL_POLICY, StayDuty, TravelPolicy, stays } from '@rasad/duty-assignments';

export interface PostedDuty extends StayDuty {
  id: string;
  personnelId: string;
  /** The district of the duty's post: the district whose officers plan its legs. */
  districtId: string;
}

export interface NeededLeg {
  personnelId: string;
  postId: string;
  districtId: string;
  kind: LegKind;
  /** Outbound: arrive at the post by then. Return: leave it after then. */
  at: Date;
  dutyIds: string[];
}

/**
 * The legs each person's live duties need, as `travelLegsNeeded` has them (a stay's outbound and return), with the
 * duties each stay is made of. Whether a person travels on their own is read when legs are listed, not here, so a
 * change of travel mode needs no recomputation.
 */
export function legsNeeded(duties: readonly PostedDuty[], policy: TravelPolicy = DEFAULT_TRAVEL_POLICY): NeededLeg[] {
  const byPerson = new Map<string, PostedDuty[]>();
  for (const duty of duties) {
    byPerson.set(duty.personnelId, [...(byPerson.get(duty.personnelId) ?? []), duty]);
  }
  return [...byPerson.entries()].flatMap(([personnelId, theirs]) =>
    stays(theirs, policy).flatMap((stay): NeededLeg[] => {
      const common = {
        personnelId,
        postId: stay.postId,
        districtId: stay.duties[0].districtId,
        dutyIds: stay.duties.map((d) => d.id),
      };
      return [
        { ...common, kind: 'outbound', at: new Date(stay.startsAt.getTime() - policy.leadMinutes * 60_000) },
        { ...common, kind: 'return', at: new Date(stay.endsAt) },
      ];
    }),
  );
}
