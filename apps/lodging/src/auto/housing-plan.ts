import { RoomGender, UnhousedReason } from '@rasad/contracts';
import { addDays } from '@rasad/duty-assignments';
import { Gender } from '@rasad/personnel';
import { distanceKm } from '../shared/distance';

export interface PlanPerson {
  id: string;
  gender: Gender;
  unitId: string;
  /** The nights still without a bed, ascending, each with the post that needs it. */
  nights: { night: string; postId: string }[];
}

export interface PlanPost {
  id: string;
  tehsilId: string;
  latitude: number | null;
  longitude: number | null;
}

export interface PlanSite {
  id: string;
  name: string;
  tehsilId: string;
  latitude: number;
  longitude: number;
  suitableForWomen: boolean;
}

export interface PlanBed {
  id: string;
  siteId: string;
  roomGender: RoomGender;
}

export interface PlanInput {
  people: PlanPerson[];
  posts: Map<string, PlanPost>;
  sites: PlanSite[];
  /** Beds in label order within each room. */
  beds: PlanBed[];
  /** `<bedId>|<night>` held already. */
  taken: Set<string>;
  maxKm: number;
}

export interface PlannedAllocation {
  personnelId: string;
  bedId: string;
  nights: string[];
}

export interface UnhousedNight {
  personnelId: string;
  night: string;
  postId: string;
  reason: UnhousedReason;
}

export interface HousingPlan {
  allocations: PlannedAllocation[];
  unhoused: UnhousedNight[];
}

/** Whether a bed in a room of this gender, at this site, may take this person. */
export function bedFits(roomGender: RoomGender, site: Pick<PlanSite, 'suitableForWomen'>, gender: Gender): boolean {
  if (gender === 'female' && !site.suitableForWomen) {
    return false;
  }
  return roomGender === 'any' || roomGender === gender;
}

/** Runs of consecutive nights needed by the same post: each is housed as one stay where it can be. */
function runsOf(nights: PlanPerson['nights']): PlanPerson['nights'][] {
  const runs: PlanPerson['nights'][] = [];
  for (const need of nights) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last && last.postId === need.postId && addDays(last.night, 1) === need.night) {
      run.push(need);
    } else {
      runs.push([need]);
    }
  }
  return runs;
}

/**
 * Beds for the nights people need, from the free ones: for each run of nights at one post, the sites within reach
 * of the post, the site their unit already sleeps at first, then the nearest; one bed for the whole run where a site
 * has one free every night, else night by night. A night left without a bed says why: beds were free within reach
 * but none in a room for the person (`no_room_for_gender`), or none at all (`no_bed_near_enough`). A post without
 * coordinates reaches every site of the district, those of its tehsil first.
 */
export function planHousing(input: PlanInput): HousingPlan {
  const taken = new Set(input.taken);
  const bedsBySite = new Map<string, PlanBed[]>();
  for (const bed of input.beds) {
    bedsBySite.set(bed.siteId, [...(bedsBySite.get(bed.siteId) ?? []), bed]);
  }
  const unitSite = new Map<string, string>();
  const allocations: PlannedAllocation[] = [];
  const unhoused: UnhousedNight[] = [];
  // The largest units first: they are the hardest to keep together.
  const unitSizes = new Map<string, number>();
  for (const person of input.people) {
    unitSizes.set(person.unitId, (unitSizes.get(person.unitId) ?? 0) + 1);
  }
  const people = [...input.people].sort(
    (a, b) =>
      unitSizes.get(b.unitId)! - unitSizes.get(a.unitId)! ||
      a.unitId.localeCompare(b.unitId) ||
      (a.nights[0]?.night ?? '').localeCompare(b.nights[0]?.night ?? '') ||
      a.id.localeCompare(b.id),
  );

  const free = (bed: PlanBed, night: string) => !taken.has(`${bed.id}|${night}`);
  const hold = (person: PlanPerson, bed: PlanBed, nights: string[]) => {
    for (const night of nights) {
      taken.add(`${bed.id}|${night}`);
    }
    const previous = allocations[allocations.length - 1];
    // A bed kept from one night to the next is one allocation.
    if (
      previous &&
      previous.personnelId === person.id &&
      previous.bedId === bed.id &&
      addDays(previous.nights[previous.nights.length - 1], 1) === nights[0]
    ) {
      previous.nights.push(...nights);
    } else {
      allocations.push({ personnelId: person.id, bedId: bed.id, nights: [...nights] });
    }
    if (!unitSite.has(person.unitId)) {
      unitSite.set(person.unitId, bed.siteId);
    }
  };

  for (const person of people) {
    for (const run of runsOf(person.nights)) {
      const sites = reachable(input, run[0].postId, unitSite.get(person.unitId));
      const fitting = sites.flatMap((site) =>
        (bedsBySite.get(site.id) ?? []).filter((bed) => bedFits(bed.roomGender, site, person.gender)),
      );
      const nights = run.map((need) => need.night);
      const whole = fitting.find((bed) => nights.every((night) => free(bed, night)));
      if (whole) {
        hold(person, whole, nights);
        continue;
      }
      for (const need of run) {
        const bed = fitting.find((candidate) => free(candidate, need.night));
        if (bed) {
          hold(person, bed, [need.night]);
          continue;
        }
        const anyFree = sites.some((site) => (bedsBySite.get(site.id) ?? []).some((b) => free(b, need.night)));
        unhoused.push({
          personnelId: person.id,
          night: need.night,
          postId: need.postId,
          reason: anyFree ? 'no_room_for_gender' : 'no_bed_near_enough',
        });
      }
    }
  }
  return { allocations, unhoused };
}

/** The sites within reach of the post, the unit's site first, then by distance (or tehsil, then name). */
function reachable(input: PlanInput, postId: string, unitSiteId: string | undefined): PlanSite[] {
  const post = input.posts.get(postId);
  const located = post && post.latitude !== null && post.longitude !== null;
  const ranked = input.sites
    .map((site) => ({
      site,
      km: located ? distanceKm({ latitude: post.latitude!, longitude: post.longitude! }, site) : null,
    }))
    .filter(({ km }) => km === null || km <= input.maxKm)
    .sort(
      (a, b) =>
        Number(b.site.id === unitSiteId) - Number(a.site.id === unitSiteId) ||
        (a.km ?? 0) - (b.km ?? 0) ||
        Number(b.site.tehsilId === post?.tehsilId) - Number(a.site.tehsilId === post?.tehsilId) ||
        a.site.name.localeCompare(b.site.name),
    );
  return ranked.map(({ site }) => site);
}
