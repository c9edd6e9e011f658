import { Geography, createGeography } from '@rasad/testing';
import { RunningRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { TransportWorld, hoursFromNow, startTransport } from './transport-fixtures';

/**
 * What PostgreSQL holds for transport, through the API and under concurrent requests: a vehicle and a driver are
 * never on two overlapping trips, a person never on two overlapping trips, a manifest never past the seats.
 */
describe('transport: trips that never double-book', () => {
  let rasad: RunningRasad;
  let db: Client;
  let world: TransportWorld;
  let geo: Geography;
  let pickupPointId: string;
  let postId: string;

  beforeAll(async () => {
    rasad = await startTransport('transport_invariants');
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    world = new TransportWorld(rasad.api, db);
    geo = await createGeography(rasad.api, 'TRIN');
    postId = geo.postId;
    pickupPointId = (await world.pickupPoint(geo.districtId)).id;
    await world.projected([], [], [postId]);
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('reports its health through the gateway', async () => {
    const response = await rasad.anonymous.get('/health');
    expect(response.body.info?.['transport']).toEqual({ status: 'up' });
  });

  it('books one vehicle on exactly one of 50 overlapping trips asked for at once', async () => {
    const vehicle = await world.vehicle(geo.districtId);
    const drivers = [];
    for (let i = 0; i < 50; i++) {
      drivers.push(await world.driver(geo));
    }
    const answers = await Promise.all(
      drivers.map((driver, i) =>
        rasad.api.post(
          '/api/v1/transport/trips',
          world.tripBody(
            { districtId: geo.districtId, vehicleId: vehicle.id, driverId: driver.id, pickupPointId },
            100 + i * 0.01,
            [postId],
          ),
        ),
      ),
    );
    const won = answers.filter((a) => a.status === 201);
    const lost = answers.filter((a) => a.status !== 201);
    expect(won).toHaveLength(1);
    expect(new Set(lost.map((a) => a.status))).toEqual(new Set([409]));
    expect(lost[0].body).toMatchObject({
      code: 'TRIP.OVERLAP',
      errors: [{ field: 'vehicleId' }],
      details: { clashingTripId: won[0].body.id },
    });
    expect(lost[0].body.message).toContain(won[0].body.id);
    const { rows } = await db.query('select count(*)::int as n from transport.trip where vehicle_id = $1', [
      vehicle.id,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('books one driver on exactly one of 50 overlapping trips asked for at once', async () => {
    const driver = await world.driver(geo);
    const vehicles = [];
    for (let i = 0; i < 50; i++) {
      vehicles.push(await world.vehicle(geo.districtId));
    }
    const answers = await Promise.all(
      vehicles.map((vehicle, i) =>
        rasad.api.post(
          '/api/v1/transport/trips',
          world.tripBody(
            { districtId: geo.districtId, vehicleId: vehicle.id, driverId: driver.id, pickupPointId },
            120 + i * 0.01,
            [postId],
          ),
        ),
      ),
    );
    const won = answers.filter((a) => a.status === 201);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(49);
    expect(answers.find((a) => a.status === 409)!.body).toMatchObject({
      code: 'TRIP.OVERLAP',
      errors: [{ field: 'driverId' }],
      details: { clashingTripId: won[0].body.id },
    });
  });

  it('lets the same vehicle and driver drive back to back, and again once a trip is cancelled', async () => {
    const vehicle = await world.vehicle(geo.districtId);
    const driver = await world.driver(geo);
    const refs = { districtId: geo.districtId, vehicleId: vehicle.id, driverId: driver.id, pickupPointId };
    const firstBody = world.tripBody(refs, 140, [postId]);
    const first = await rasad.api.post('/api/v1/transport/trips', firstBody);
    expect(first.status).toBe(201);
    // Half-open windows: the next trip may start the moment this one ends.
    const next = world.tripBody(refs, 142, [postId]);
    next.startsAt = first.body.endsAt;
    expect((await rasad.api.post('/api/v1/transport/trips', next)).status).toBe(201);
    const clash = world.tripBody(refs, 141, [postId]);
    expect((await rasad.api.post('/api/v1/transport/trips', clash)).status).toBe(409);
    const cancelled = await rasad.api.post(`/api/v1/transport/trips/${first.body.id}/cancel`, { reason: 'Breakdown' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusReason: 'Breakdown' });
    expect((await rasad.api.post('/api/v1/transport/trips', firstBody)).status).toBe(201);
  });

  it('never books a trip past its seats, however many passengers are added at once', async () => {
    const vehicle = await world.vehicle(geo.districtId, { type: 'van', seats: 10 });
    const driver = await world.driver(geo);
    const people: string[] = [];
    const duties: string[] = [];
    for (let i = 0; i < 30; i++) {
      const person = await world.person(geo);
      people.push(person);
      duties.push(await world.duty(person, postId, 163));
    }
    await world.projected(people, duties, [postId]);
    const trip = await rasad.api.post(
      '/api/v1/transport/trips',
      world.tripBody({ districtId: geo.districtId, vehicleId: vehicle.id, driverId: driver.id, pickupPointId }, 160, [
        postId,
      ]),
    );
    expect(trip.status).toBe(201);
    const answers = await Promise.all(
      duties.map((dutyId) =>
        rasad.api.post(`/api/v1/transport/trips/${trip.body.id}/passengers`, { passengers: [{ dutyId }] }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(10);
    const full = answers.filter((a) => a.status !== 200);
    expect(new Set(full.map((a) => a.body.code))).toEqual(new Set(['TRIP.FULL']));
    expect(full[0].body.message).toContain('0 of 10 seats left');
    const after = await rasad.api.get(`/api/v1/transport/trips/${trip.body.id}`);
    expect(after.body).toMatchObject({ seats: 10, seatsTaken: 10 });
    const manifest = await rasad.api.get(`/api/v1/transport/trips/${trip.body.id}/passengers`);
    expect(manifest.body.total).toBe(10);

    // A seat given back is a seat to book again; a smaller vehicle is refused below the booked manifest.
    const shrink = await rasad.api.patch(`/api/v1/transport/vehicles/${vehicle.id}`, { seats: 8 });
    expect(shrink.status).toBe(409);
    expect(shrink.body).toMatchObject({ code: 'TRIP.FULL', errors: [{ field: 'seats' }] });
    const removed = await rasad.api.request(
      'DELETE',
      `/api/v1/transport/trips/${trip.body.id}/passengers/${manifest.body.items[0].id}`,
    );
    expect(removed.body).toMatchObject({ status: 'cancelled' });
    const rebooked = await rasad.api.post(`/api/v1/transport/trips/${trip.body.id}/passengers`, {
      passengers: [{ dutyId: duties.find((d) => !manifest.body.items.some((e: any) => e.dutyId === d))! }],
    });
    expect(rebooked.status).toBe(200);
    expect((await rasad.api.get(`/api/v1/transport/trips/${trip.body.id}`)).body.seatsTaken).toBe(10);
  });

  it('never puts a person on two overlapping trips, even when both bookings arrive at once', async () => {
    const person = await world.person(geo);
    const duty = await world.duty(person, postId, 183);
    await world.projected([person], [duty], [postId]);
    const trips = [];
    for (let i = 0; i < 10; i++) {
      const vehicle = await world.vehicle(geo.districtId);
      const driver = await world.driver(geo);
      const trip = await rasad.api.post(
        '/api/v1/transport/trips',
        world.tripBody(
          { districtId: geo.districtId, vehicleId: vehicle.id, driverId: driver.id, pickupPointId },
          180 + i * 0.05,
          [postId],
        ),
      );
      trips.push(trip.body.id as string);
    }
    const answers = await Promise.all(
      trips.map((id) => rasad.api.post(`/api/v1/transport/trips/${id}/passengers`, { passengers: [{ dutyId: duty }] })),
    );
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    const lost = answers.find((a) => a.status !== 200)!;
    expect(lost.status).toBe(409);
    expect(lost.body).toMatchObject({
      code: 'TRIP.OVERLAP',
      errors: [{ field: 'passengers[0].dutyId' }],
      details: { clashingTripId: won[0].body[0].tripId },
    });
    const { rows } = await db.query(
      `select count(*)::int as n from transport.manifest_entry where personnel_id = $1 and status = 'booked'`,
      [person],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses a driver whose licence has expired by the trip, or does not cover the vehicle, naming driverId', async () => {
    const bus = await world.vehicle(geo.districtId, { type: 'bus', seats: 50 });
    const expired = await world.driver(geo, { licenceExpiresOn: hoursFromNow(24).slice(0, 10) });
    const light = await world.driver(geo, { licenceClass: 'ltv' });
    const before = await world.count('trip');
    const refs = { districtId: geo.districtId, vehicleId: bus.id, pickupPointId };
    const late = await rasad.api.post(
      '/api/v1/transport/trips',
      world.tripBody({ ...refs, driverId: expired.id }, 200, [postId]),
    );
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'DRIVER.NOT_LICENSED', errors: [{ field: 'driverId' }] });
    expect(late.body.message).toContain('expired');
    const unfit = await rasad.api.post(
      '/api/v1/transport/trips',
      world.tripBody({ ...refs, driverId: light.id }, 200, [postId]),
    );
    expect(unfit.status).toBe(422);
    expect(unfit.body.message).toContain('a bus needs a psv licence');
    expect(await world.count('trip')).toBe(before);
  });

  it('answers bad input with a 4xx naming the field, and changes nothing', async () => {
    const vehicle = await world.vehicle(geo.districtId);
    const driver = await world.driver(geo);
    const refs = { districtId: geo.districtId, vehicleId: vehicle.id, driverId: driver.id, pickupPointId };
    const vehicles = await world.count('vehicle');
    const trips = await world.count('trip');
    const stops = await world.count('trip_stop');

    const noSeats = await rasad.api.post('/api/v1/transport/vehicles', {
      registration: 'HRA-0000',
      type: 'van',
      seats: 0,
      owner: 'hired',
      districtId: geo.districtId,
    });
    expect(noSeats.status).toBe(400);
    expect(noSeats.body.errors).toEqual([expect.objectContaining({ field: 'seats' })]);

    const backwards = world.tripBody(refs, 220, [postId]);
    backwards.endsAt = hoursFromNow(219);
    const ended = await rasad.api.post('/api/v1/transport/trips', backwards);
    expect(ended.status).toBe(400);
    expect(ended.body.errors).toEqual([expect.objectContaining({ field: 'endsAt' })]);

    const second = await world.post(geo, 'TRIN-P2');
    const disordered = world.tripBody(refs, 220, [postId, second]);
    disordered.stops.reverse();
    const order = await rasad.api.post('/api/v1/transport/trips', disordered);
    expect(order.status).toBe(400);
    expect(order.body.errors).toEqual([expect.objectContaining({ field: 'stops[1].arrivesAt' })]);

    const nowhere = '0190b0c0-0000-7000-8000-0000000000ff';
    const unknown = await rasad.api.post('/api/v1/transport/trips', world.tripBody(refs, 220, [postId, nowhere]));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ field: 'stops[1].postId', message: `no post with id ${nowhere}` }]);

    const stray = await rasad.api.post('/api/v1/transport/trips', { ...world.tripBody(refs, 220, [postId]), fare: 10 });
    expect(stray.status).toBe(400);

    expect(await world.count('vehicle')).toBe(vehicles);
    expect(await world.count('trip')).toBe(trips);
    expect(await world.count('trip_stop')).toBe(stops);
  });
});
