import { LegKind } from '@rasad/contracts';
import { DEFAULT_TRAVEL_POLICY, StayDuty, TravelPolicy, stays } from '@rasad/duty-assignments';

export interface PersonDuty extends StayDuty {
  id: string;
  personnelId: string;
}

export interface NeededLeg {
  personnelId: string;
  postId: string;
  kind: LegKind;
  /** Outbound: arrive at the post by then. Return: leave it after then. */
  at: Date;
  dutyIds: string[];
}

/**
 * The legs each person's live duties need, as `travelLegsNeeded` has them (a stay's outbound and return), with the
 * duties each stay is made of. Whether a person travels on their own, and which district a post is in, are read when
 * legs are listed, not here: a change of travel mode, or a post whose event arrives after its duties', needs no
 * recomputation.
 */
export function legsNeeded(duties: readonly PersonDuty[], policy: TravelPolicy = DEFAULT_TRAVEL_POLICY): NeededLeg[] {
  const byPerson = new Map<string, PersonDuty[]>();
  for (const duty of duties) {
    byPerson.set(duty.personnelId, [...(byPerson.get(duty.personnelId) ?? []), duty]);
  }
  return [...byPerson.entries()].flatMap(([personnelId, theirs]) =>
    stays(theirs, policy).flatMap((stay): NeededLeg[] => {
      const common = {
        personnelId,
        postId: stay.postId,
        dutyIds: stay.duties.map((d) => d.id),
      };
      return [
        { ...common, kind: 'outbound', at: new Date(stay.startsAt.getTime() - policy.leadMinutes * 60_000) },
        { ...common, kind: 'return', at: new Date(stay.endsAt) },
      ];
    }),
  );
}
