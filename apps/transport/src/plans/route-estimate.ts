export interface Coordinates {
  latitude: number;
  longitude: number;
}

export interface SpeedPolicy {
  /** Average road speed, km/h. */
  speedKmh: number;
  /** Roads are longer than the straight line: distance × this factor. */
  roadFactor: number;
  /** Minutes a vehicle stands at each stop. */
  dwellMinutes: number;
}

const EARTH_KM = 6371;
const rad = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km. */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h));
}

/** Estimated driving time between two points, in ms, rounded up to the minute. */
export function driveMs(a: Coordinates, b: Coordinates, policy: SpeedPolicy): number {
  const hours = (distanceKm(a, b) * policy.roadFactor) / policy.speedKmh;
  return Math.ceil(hours * 60) * 60_000;
}

/** The stops in nearest-neighbour order from `start`: a short route without searching every order. */
export function nearestFirst<T extends Coordinates>(start: Coordinates, stops: readonly T[]): T[] {
  const left = [...stops];
  const route: T[] = [];
  let here: Coordinates = start;
  while (left.length > 0) {
    let best = 0;
    for (let i = 1; i < left.length; i++) {
      if (distanceKm(here, left[i]) < distanceKm(here, left[best])) {
        best = i;
      }
    }
    const next = left.splice(best, 1)[0];
    route.push(next);
    here = next;
  }
  return route;
}
