import { NightPolicy, bedNightsNeeded, needsLodging } from '@rasad/duty-assignments';

/** A live duty with what the night rules need of its post and person. */
export interface DutyForNights {
  dutyId: string;
  personnelId: string;
  postId: string;
  postDistrictId: string;
  postRemote: boolean;
  /** Null while the person's own event has not arrived: counted as away, as `needsLodging` does. */
  homeDistrictId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/** A night a person's duties need, with the post that needs it (their earliest duty needing it). */
export interface NightNeed {
  personnelId: string;
  night: string;
  postId: string;
  districtId: string;
  dutyId: string;
  /** From outside the post's district or posted remote: lodging must find them a bed. */
  needsLodging: boolean;
}

const key = (personnelId: string, night: string) => `${personnelId}|${night}`;

/**
 * The nights each person's live duties need (`bedNightsNeeded` per duty, so that each night is tied to the post that
 * needs it), and whether lodging must house them (`needsLodging`). Sorted by person, then night.
 */
export function nightNeeds(duties: readonly DutyForNights[], policy: NightPolicy): NightNeed[] {
  const needs = new Map<string, NightNeed>();
  const byStart = [...duties].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.dutyId < b.dutyId ? -1 : 1),
  );
  for (const duty of byStart) {
    const away = needsLodging({
      homeDistrictId: duty.homeDistrictId,
      postDistrictId: duty.postDistrictId,
      postRemote: duty.postRemote,
    });
    for (const night of bedNightsNeeded({ startsAt: duty.startsAt, endsAt: duty.endsAt }, policy)) {
      const held = needs.get(key(duty.personnelId, night));
      if (!held) {
        needs.set(key(duty.personnelId, night), {
          personnelId: duty.personnelId,
          night,
          postId: duty.postId,
          districtId: duty.postDistrictId,
          dutyId: duty.dutyId,
          needsLodging: away,
        });
      } else if (away && !held.needsLodging) {
        held.needsLodging = true;
      }
    }
  }
  return [...needs.values()].sort((a, b) =>
    a.personnelId === b.personnelId ? a.night.localeCompare(b.night) : a.personnelId.localeCompare(b.personnelId),
  );
}
