import { LegKind, LicenceClass, VehicleType } from '@rasad/contracts';
import { licenceProblem } from '../drivers/licence';
import { Coordinates, SpeedPolicy, driveMs, distanceKm, nearestFirst } from './route-estimate';

export interface PlanLeg {
  id: string;
  personnelId: string;
  dutyId: string;
  postId: string;
  kind: LegKind;
  at: Date;
  post: Coordinates | null;
}

export interface PlanVehicle {
  id: string;
  registration: string;
  type: VehicleType;
  seats: number;
}

export interface PlanDriver {
  id: string;
  licenceClass: LicenceClass;
  licenceExpiresOn: string;
}

export interface PlanPickupPoint extends Coordinates {
  id: string;
}

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

export interface PlanInput {
  legs: PlanLeg[];
  vehicles: PlanVehicle[];
  drivers: PlanDriver[];
  pickupPoints: PlanPickupPoint[];
  /** Live trips already booked, by vehicle, driver and passenger id. */
  busy: Map<string, Interval[]>;
  policy: SpeedPolicy;
  now: Date;
  /** The local date of a trip's end, for licence expiry. */
  localDateOf: (instant: Date) => string;
}

export type UncoveredReason =
  | 'no_vehicle'
  | 'no_driver'
  | 'cannot_arrive_in_time'
  | 'post_without_coordinates'
  | 'no_pickup_point'
  | 'already_travelling';

export interface PlannedStop {
  postId: string;
  arrivesAt: Date;
  departsAt: Date;
}

export interface PlannedTrip {
  vehicleId: string;
  registration: string;
  driverId: string;
  pickupPointId: string;
  direction: LegKind;
  startsAt: Date;
  endsAt: Date;
  seats: number;
  stops: PlannedStop[];
  legs: PlanLeg[];
}

export interface Plan {
  trips: PlannedTrip[];
  uncovered: { leg: PlanLeg; reason: UncoveredReason }[];
  /** One vehicle per post and time, each from the nearest pickup point there and back: what the plan saves on. */
  onePerPost: { vehicles: number; vehicleHours: number };
}

const overlaps = (a: Interval, b: Interval) =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

interface Group {
  pickup: PlanPickupPoint;
  kind: LegKind;
  at: Date;
  legs: PlanLeg[];
}

/**
 * Proposes trips for uncovered legs: legs are grouped by nearest pickup point, direction and time; each group's posts
 * are driven in nearest-neighbour order, filled into free vehicles (the smallest that takes what is left, else the
 * largest) with a free driver licensed for it on the day, timed by the straight-line distance, a road factor and an
 * average speed so that outbound passengers arrive by their arriveBy and return passengers are picked up at their
 * departAfter. Nothing is double-booked: what the draft takes is busy for the rest of it.
 */
export function plan(input: PlanInput): Plan {
  const busy = new Map([...input.busy].map(([id, intervals]) => [id, [...intervals]]));
  const isFree = (id: string, window: Interval) => !(busy.get(id) ?? []).some((other) => overlaps(other, window));
  const take = (id: string, window: Interval) => busy.set(id, [...(busy.get(id) ?? []), window]);
  const uncovered: Plan['uncovered'] = [];
  const groups = new Map<string, Group>();
  for (const leg of input.legs) {
    if (!leg.post) {
      uncovered.push({ leg, reason: 'post_without_coordinates' });
      continue;
    }
    const pickup = nearest(leg.post, input.pickupPoints);
    if (!pickup) {
      uncovered.push({ leg, reason: 'no_pickup_point' });
      continue;
    }
    const key = `${pickup.id}|${leg.kind}|${leg.at.toISOString()}`;
    const group = groups.get(key) ?? { pickup, kind: leg.kind, at: leg.at, legs: [] };
    group.legs.push(leg);
    groups.set(key, group);
  }

  const trips: PlannedTrip[] = [];
  const byTime = [...groups.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.legs.length - b.legs.length);
  for (const group of byTime) {
    const route = routeOrder(group);
    let left = route;
    while (left.length > 0) {
      const attempt = fillVehicle(group, left, input, isFree);
      if ('reason' in attempt) {
        uncovered.push(...left.map((leg) => ({ leg, reason: attempt.reason })));
        break;
      }
      const { trip, carried } = attempt;
      trips.push(trip);
      const window = { startsAt: trip.startsAt, endsAt: trip.endsAt };
      take(trip.vehicleId, window);
      take(trip.driverId, window);
      trip.legs.forEach((leg) => take(leg.personnelId, window));
      left = left.filter((leg) => !carried.has(leg));
    }
  }
  return { trips, uncovered, onePerPost: onePerPost(groups, input.policy) };
}

function nearest(point: Coordinates, pickups: readonly PlanPickupPoint[]): PlanPickupPoint | undefined {
  return [...pickups].sort((a, b) => distanceKm(point, a) - distanceKm(point, b))[0];
}

/** The group's legs in the order their posts are driven, those of one post together. */
function routeOrder(group: Group): PlanLeg[] {
  const posts = new Map<string, PlanLeg[]>();
  for (const leg of group.legs) {
    posts.set(leg.postId, [...(posts.get(leg.postId) ?? []), leg]);
  }
  const stops = [...posts.entries()].map(([postId, legs]) => ({ postId, ...legs[0].post!, legs }));
  return nearestFirst(group.pickup, stops).flatMap((stop) => stop.legs.sort((a, b) => a.id.localeCompare(b.id)));
}

type Attempt = { trip: PlannedTrip; carried: Set<PlanLeg> } | { reason: UncoveredReason };

/** One vehicle for the next passengers of the route, or why none can take them. */
function fillVehicle(
  group: Group,
  route: readonly PlanLeg[],
  input: PlanInput,
  isFree: (id: string, window: Interval) => boolean,
): Attempt {
  const bySize = [...input.vehicles].sort((a, b) => a.seats - b.seats || a.registration.localeCompare(b.registration));
  const fits = bySize.filter((v) => v.seats >= route.length);
  const candidates = [...fits, ...bySize.filter((v) => v.seats < route.length).reverse()];
  let reason: UncoveredReason = 'no_vehicle';
  for (const vehicle of candidates) {
    const riders = route.slice(0, vehicle.seats);
    const timed = timeTrip(group, riders, input.policy);
    if (timed.startsAt.getTime() <= input.now.getTime()) {
      return { reason: 'cannot_arrive_in_time' };
    }
    const window = { startsAt: timed.startsAt, endsAt: timed.endsAt };
    if (!isFree(vehicle.id, window)) {
      continue;
    }
    const travelling = riders.filter((leg) => !isFree(leg.personnelId, window));
    if (travelling.length === riders.length) {
      return { reason: 'already_travelling' };
    }
    if (travelling.length > 0) {
      // Those already on an overlapping trip wait for another vehicle; plan the rest.
      return fillVehicle(
        group,
        route.filter((leg) => !travelling.includes(leg)),
        input,
        isFree,
      );
    }
    const driver = input.drivers
      .filter((d) => isFree(d.id, window) && !licenceProblem(d, vehicle.type, input.localDateOf(window.endsAt)))
      .sort((a, b) => CLASS_RANK[a.licenceClass] - CLASS_RANK[b.licenceClass] || a.id.localeCompare(b.id))[0];
    if (!driver) {
      reason = 'no_driver';
      continue;
    }
    return {
      trip: {
        vehicleId: vehicle.id,
        registration: vehicle.registration,
        driverId: driver.id,
        pickupPointId: group.pickup.id,
        direction: group.kind,
        seats: vehicle.seats,
        ...timed,
        legs: riders,
      },
      carried: new Set(riders),
    };
  }
  return { reason };
}

/** The least a driver needs, first: a PSV driver is kept for the buses. */
const CLASS_RANK: Record<LicenceClass, number> = { motorcycle: 0, ltv: 1, htv: 2, psv: 3 };

/**
 * The trip's times: outbound, leaving the pickup point so that the last stop is reached by the group's arriveBy;
 * return, reaching the first stop at the group's departAfter. Either way the vehicle goes back to the pickup point.
 */
function timeTrip(group: Group, riders: readonly PlanLeg[], policy: SpeedPolicy) {
  const posts = [...new Map(riders.map((leg) => [leg.postId, leg.post!])).entries()];
  const dwell = policy.dwellMinutes * 60_000;
  const offsets: { postId: string; arrive: number }[] = [];
  let here: Coordinates = group.pickup;
  let clock = 0;
  for (const [postId, point] of posts) {
    clock += driveMs(here, point, policy);
    offsets.push({ postId, arrive: clock });
    clock += dwell;
    here = point;
  }
  const back = driveMs(here, group.pickup, policy);
  const at = group.at.getTime();
  // Outbound: the last stop is reached by `at`. Return: the first stop is reached at `at`.
  const zero = group.kind === 'outbound' ? at - offsets[offsets.length - 1].arrive : at - offsets[0].arrive;
  const stops = offsets.map(({ postId, arrive }) => ({
    postId,
    arrivesAt: new Date(zero + arrive),
    departsAt: new Date(zero + arrive + dwell),
  }));
  return { startsAt: new Date(zero), endsAt: new Date(zero + clock + back), stops };
}

function onePerPost(groups: Map<string, Group>, policy: SpeedPolicy): Plan['onePerPost'] {
  let vehicles = 0;
  let ms = 0;
  for (const group of groups.values()) {
    for (const postId of new Set(group.legs.map((leg) => leg.postId))) {
      const post = group.legs.find((leg) => leg.postId === postId)!.post!;
      vehicles++;
      ms += 2 * driveMs(group.pickup, post, policy) + policy.dwellMinutes * 60_000;
    }
  }
  return { vehicles, vehicleHours: Math.round((ms / 3_600_000) * 10) / 10 };
}
