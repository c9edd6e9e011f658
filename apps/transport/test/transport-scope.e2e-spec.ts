import { Geography, TestApi, createGeography } from '@rasad/testing';
import { RunningRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { TransportWorld, startTransport } from './transport-fixtures';

const STRANGER = '0190b0c0-0000-7000-8000-0000000000aa';

/**
 * A logistics officer of another district, acting through the API on Haripur's fleet and trips: every Haripur record
 * must look to them exactly like one that does not exist, as a record (404) and as a reference (422), and nothing may
 * change.
 */
describe('transport scope: an officer of another district', () => {
  let rasad: RunningRasad;
  let db: Client;
  let world: TransportWorld;
  let haripur: Geography;
  let other: Geography;
  let officer: TestApi;
  let haripurTrip: { id: string };
  let refs: { vehicleId: string; driverId: string; pickupPointId: string };
  let ownRefs: { districtId: string; vehicleId: string; driverId: string; pickupPointId: string };
  let haripurDuty: string;

  beforeAll(async () => {
    rasad = await startTransport('transport_scope');
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    world = new TransportWorld(rasad.api, db);
    haripur = await createGeography(rasad.api, 'SCTH');
    other = await createGeography(rasad.api, 'SCTB');
    refs = {
      vehicleId: (await world.vehicle(haripur.districtId)).id,
      driverId: (await world.driver(haripur)).id,
      pickupPointId: (await world.pickupPoint(haripur.districtId)).id,
    };
    ownRefs = {
      districtId: other.districtId,
      vehicleId: (await world.vehicle(other.districtId)).id,
      driverId: (await world.driver(other)).id,
      pickupPointId: (await world.pickupPoint(other.districtId)).id,
    };
    const person = await world.person(haripur);
    haripurDuty = await world.duty(person, haripur.postId, 50);
    await world.projected([person], [haripurDuty], [haripur.postId, other.postId]);
    const trip = await rasad.api.post(
      '/api/v1/transport/trips',
      world.tripBody({ districtId: haripur.districtId, ...refs }, 47, [haripur.postId]),
    );
    expect(trip.status).toBe(201);
    haripurTrip = trip.body;
    officer = await world.user('transport.sctb', 'logistics_officer', [other.districtId]);
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('reads no Haripur record: each is a 404 like an id that never existed', async () => {
    const records = [
      ['vehicles', refs.vehicleId],
      ['drivers', refs.driverId],
      ['pickup-points', refs.pickupPointId],
      ['trips', haripurTrip.id],
    ];
    for (const [path, id] of records) {
      const theirs = await officer.get(`/api/v1/transport/${path}/${id}`);
      const stranger = await officer.get(`/api/v1/transport/${path}/${STRANGER}`);
      expect(theirs.status).toBe(404);
      expect(stranger.status).toBe(404);
      expect(theirs.body.code).toBe(stranger.body.code);
    }
    expect((await officer.get(`/api/v1/transport/trips/${haripurTrip.id}/passengers`)).status).toBe(404);
  });

  it('lists only its own district, whatever the filter asks for', async () => {
    for (const path of ['vehicles', 'drivers', 'pickup-points', 'trips']) {
      const own = await officer.get(`/api/v1/transport/${path}`);
      const asked = await officer.get(`/api/v1/transport/${path}?districtId=${haripur.districtId}`);
      expect(own.body.items.every((item: { districtId: string }) => item.districtId === other.districtId)).toBe(true);
      expect(asked.body).toEqual({ items: [], nextCursor: null, total: 0 });
    }
    const all = await rasad.api.get('/api/v1/transport/vehicles');
    expect(all.body.total).toBe(2);
  });

  it("cannot plan with Haripur's vehicle, driver, pickup point or posts: a 422 naming the field", async () => {
    const trips = await world.count('trip');
    const cases: [Record<string, string>, string[], string][] = [
      [{ vehicleId: refs.vehicleId }, [other.postId], 'vehicleId'],
      [{ driverId: refs.driverId }, [other.postId], 'driverId'],
      [{ pickupPointId: refs.pickupPointId }, [other.postId], 'pickupPointId'],
      [{}, [haripur.postId], 'stops[0].postId'],
      [{ districtId: haripur.districtId }, [other.postId], 'districtId'],
    ];
    for (const [swap, posts, field] of cases) {
      const answer = await officer.post('/api/v1/transport/trips', world.tripBody({ ...ownRefs, ...swap }, 60, posts));
      expect({ field, status: answer.status, errors: answer.body.errors }).toEqual({
        field,
        status: 422,
        errors: [expect.objectContaining({ field })],
      });
    }
    expect(await world.count('trip')).toBe(trips);
  });

  it('cannot book onto, take off or cancel a Haripur trip, nor make drivers or vehicles there', async () => {
    const book = await officer.post(`/api/v1/transport/trips/${haripurTrip.id}/passengers`, {
      passengers: [{ dutyId: haripurDuty }],
    });
    expect(book.status).toBe(404);
    const cancel = await officer.post(`/api/v1/transport/trips/${haripurTrip.id}/cancel`, { reason: 'Not mine' });
    expect(cancel.status).toBe(404);
    const vehicle = await officer.post('/api/v1/transport/vehicles', {
      registration: 'SCT-1',
      type: 'van',
      seats: 10,
      owner: 'hired',
      districtId: haripur.districtId,
    });
    expect(vehicle.status).toBe(422);
    expect(vehicle.body.errors).toEqual([expect.objectContaining({ field: 'districtId' })]);
    const renamed = await officer.patch(`/api/v1/transport/vehicles/${refs.vehicleId}`, { seats: 2 });
    expect(renamed.status).toBe(404);
    const trip = await rasad.api.get(`/api/v1/transport/trips/${haripurTrip.id}`);
    expect(trip.body).toMatchObject({ status: 'planned', seatsTaken: 0 });
    expect((await rasad.api.get(`/api/v1/transport/vehicles/${refs.vehicleId}`)).body.seats).toBe(20);
  });
});
