import { PlanInput, PlanLeg, plan } from './planner';
import { distanceKm, driveMs } from './route-estimate';

const POLICY = { speedKmh: 30, roadFactor: 1.3, dwellMinutes: 5 };
const LINES = { id: 'lines', latitude: 33.9946, longitude: 72.9106 };
const NEAR = { latitude: 34.0, longitude: 72.92 };
const FAR = { latitude: 34.05, longitude: 72.95 };
const ARRIVE_BY = new Date('2027-02-08T00:30:00Z');

function legs(count: number, postId: string, post = NEAR, kind: 'outbound' | 'return' = 'outbound'): PlanLeg[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${postId}-${kind}-${i}`,
    personnelId: `${postId}-p${i}`,
    dutyId: `${postId}-d${i}`,
    postId,
    kind,
    at: ARRIVE_BY,
    post,
  }));
}

const input = (over: Partial<PlanInput>): PlanInput => ({
  legs: [],
  vehicles: [
    { id: 'bus', registration: 'HRA-1', type: 'bus', seats: 40 },
    { id: 'van', registration: 'HRA-2', type: 'van', seats: 12 },
  ],
  drivers: [
    { id: 'psv', licenceClass: 'psv', licenceExpiresOn: '2030-01-01' },
    { id: 'ltv', licenceClass: 'ltv', licenceExpiresOn: '2030-01-01' },
  ],
  pickupPoints: [LINES],
  busy: new Map(),
  policy: POLICY,
  now: new Date('2027-02-07T00:00:00Z'),
  localDateOf: (instant) => instant.toISOString().slice(0, 10),
  ...over,
});

describe('plan', () => {
  it('carries two posts on one route in the smallest vehicle that takes them, arriving by arriveBy', () => {
    const result = plan(input({ legs: [...legs(4, 'far', FAR), ...legs(5, 'near')] }));
    expect(result.uncovered).toEqual([]);
    expect(result.trips).toHaveLength(1);
    const [trip] = result.trips;
    expect(trip).toMatchObject({ vehicleId: 'van', driverId: 'ltv', pickupPointId: 'lines', direction: 'outbound' });
    expect(trip.stops.map((s) => s.postId)).toEqual(['near', 'far']);
    expect(trip.stops[1].arrivesAt).toEqual(ARRIVE_BY);
    expect(trip.stops[0].arrivesAt.getTime()).toBe(
      ARRIVE_BY.getTime() - driveMs(NEAR, FAR, POLICY) - POLICY.dwellMinutes * 60_000,
    );
    expect(trip.startsAt.getTime()).toBe(trip.stops[0].arrivesAt.getTime() - driveMs(LINES, NEAR, POLICY));
    expect(result.onePerPost.vehicles).toBe(2);
  });

  it('takes the bus with a PSV driver when the van is too small, and never the same vehicle twice at once', () => {
    const result = plan(input({ legs: legs(45, 'near') }));
    expect(result.trips.map((t) => [t.vehicleId, t.driverId, t.legs.length])).toEqual([
      ['bus', 'psv', 40],
      ['van', 'ltv', 5],
    ]);
  });

  it('says why the legs it cannot carry are left: no vehicle, no driver, too late', () => {
    const busy = new Map([
      ['bus', [{ startsAt: new Date('2027-02-07T20:00:00Z'), endsAt: new Date('2027-02-08T04:00:00Z') }]],
    ]);
    const full = plan(input({ legs: legs(20, 'near'), busy }));
    expect(full.trips.map((t) => t.vehicleId)).toEqual(['van']);
    expect(new Set(full.uncovered.map((u) => u.reason))).toEqual(new Set(['no_vehicle']));
    expect(full.uncovered).toHaveLength(8);

    const noPsv = plan(
      input({ legs: legs(20, 'near'), drivers: [{ id: 'ltv', licenceClass: 'ltv', licenceExpiresOn: '2030-01-01' }] }),
    );
    expect(noPsv.trips.map((t) => t.vehicleId)).toEqual(['van']);
    expect(noPsv.uncovered.map((u) => u.reason)).toContain('no_driver');

    const late = plan(input({ legs: legs(3, 'near'), now: ARRIVE_BY }));
    expect(late.uncovered.map((u) => u.reason)).toEqual([
      'cannot_arrive_in_time',
      'cannot_arrive_in_time',
      'cannot_arrive_in_time',
    ]);
  });

  it('picks return passengers up at departAfter and does not put anyone on two trips at once', () => {
    const back = legs(3, 'near', NEAR, 'return');
    const busy = new Map([
      ['near-p0', [{ startsAt: new Date('2027-02-08T00:00:00Z'), endsAt: new Date('2027-02-08T01:00:00Z') }]],
    ]);
    const result = plan(input({ legs: back, busy }));
    expect(result.trips).toHaveLength(1);
    expect(result.trips[0].stops[0].arrivesAt).toEqual(ARRIVE_BY);
    expect(result.trips[0].legs.map((l) => l.personnelId)).toEqual(['near-p1', 'near-p2']);
    expect(result.uncovered).toEqual([{ leg: back[0], reason: 'already_travelling' }]);
  });

  it('measures distance on the globe', () => {
    expect(distanceKm(LINES, FAR)).toBeGreaterThan(6);
    expect(distanceKm(LINES, FAR)).toBeLessThan(8);
  });
});
