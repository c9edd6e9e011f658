import { Geography, createGeography, eventually } from '@rasad/testing';
import { addDays, atLocalTime, toLocalDate } from '@rasad/duty-assignments';
import { RunningRasad } from '@rasad/testing/rasad-app';
import { EventEnvelope } from '@rasad/contracts';
import { NatsConnection, connect } from 'nats';
import { Client } from 'pg';
import { inflateSync } from 'zlib';
import { streamEvents } from '../../briefings/test/briefings-fixtures';
import { TransportWorld, startTransport } from './transport-fixtures';

const ZONE = 'Asia/Karachi';

/**
 * The text of a PDF pdfkit wrote with its standard fonts: each content stream inflated, each TJ's hex strings
 * decoded and joined, one line per TJ (unpdf, which reads PDFs properly, needs ES modules that jest here cannot load).
 */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) {
      lines.push(
        [...tj[1].matchAll(/<([0-9a-f]*)>/g)].map((hex) => Buffer.from(hex[1], 'hex').toString('latin1')).join(''),
      );
    }
  }
  return lines.join('\n');
}

interface Leg {
  personnelId: string;
  postId: string;
  kind: 'outbound' | 'return';
  arriveBy: string | null;
  departAfter: string | null;
  status: 'covered' | 'uncovered' | 'void';
  coveredBy: { tripId: string } | null;
  voidReason: string | null;
}

/**
 * Legs needed come from the roster's duties: each stay an outbound leg arriving 30 minutes before it starts and a
 * return leg after it ends, covered by a booked trip that makes those times, listed by local day. A reposting voids
 * the old post's legs, needs the new one's, and flags the passenger's booking.
 */
describe('transport: legs needed from the roster', () => {
  let rasad: RunningRasad;
  let db: Client;
  let nc: NatsConnection;
  let world: TransportWorld;
  let geo: Geography;
  let otherPost: string;
  let day: string;
  let refs: { districtId: string; vehicleId: string; driverId: string; pickupPointId: string };

  const at = (time: string) => atLocalTime(day, time, ZONE).toISOString();

  async function legs(query = ''): Promise<Leg[]> {
    const response = await rasad.api.get(
      `/api/v1/transport/legs?districtId=${geo.districtId}&date=${day}&limit=500${query}`,
    );
    expect(response.status).toBe(200);
    return response.body.items;
  }

  async function dutyAt(personnelId: string, postId: string, from: string, to: string): Promise<string> {
    const response = await rasad.api.post('/api/v1/assignments', {
      personnelId,
      postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt: at(from),
      endsAt: at(to),
    });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  /** An outbound trip from 05:00 reaching `postId` at `arrives`; the duty's own legs decide whether it covers. */
  async function outboundTrip(postId: string, arrives: string, startsAt = '05:00', endsAt = '07:30') {
    const vehicle = await world.vehicle(geo.districtId);
    const driver = await world.driver(geo);
    refs = {
      districtId: geo.districtId,
      vehicleId: vehicle.id,
      driverId: driver.id,
      pickupPointId: refs.pickupPointId,
    };
    const response = await rasad.api.post('/api/v1/transport/trips', {
      ...refs,
      direction: 'outbound',
      startsAt: at(startsAt),
      endsAt: at(endsAt),
      stops: [{ postId, arrivesAt: at(arrives), departsAt: at(arrives) }],
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  async function tripEvents(tripId: string): Promise<EventEnvelope<any>[]> {
    return (await streamEvents(nc, 'evt.transport.>')).filter((e) => e.aggregateId === tripId);
  }

  beforeAll(async () => {
    rasad = await startTransport('transport_legs');
    nc = await connect({ servers: rasad.commonEnv.NATS_URL });
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    world = new TransportWorld(rasad.api, db);
    geo = await createGeography(rasad.api, 'LEGS');
    otherPost = await world.post(geo, 'LEGS-P2');
    day = addDays(toLocalDate(new Date(), ZONE), 4);
    refs = {
      districtId: geo.districtId,
      vehicleId: '',
      driverId: '',
      pickupPointId: (await world.pickupPoint(geo.districtId)).id,
    };
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await rasad?.stop();
  });

  it('needs an outbound and a return leg per stay, and none for someone who travels on their own', async () => {
    const person = await world.person(geo);
    const own = await world.person(geo, { travelMode: 'self' });
    const morning = await dutyAt(person, geo.postId, '08:00', '12:00');
    const afternoon = await dutyAt(person, geo.postId, '14:00', '18:00');
    await dutyAt(own, geo.postId, '08:00', '18:00');
    await eventually(async () => expect((await legs()).filter((l) => l.personnelId === person)).toHaveLength(2));
    const theirs = (await legs()).filter((l) => l.personnelId === person);
    // Two duties at one post two hours apart are one stay: one leg there, one back.
    expect(
      theirs.map((l) => [
        l.kind,
        l.status,
        l.arriveBy && Date.parse(l.arriveBy),
        l.departAfter && Date.parse(l.departAfter),
      ]),
    ).toEqual([
      ['outbound', 'uncovered', Date.parse(at('07:30')), null],
      ['return', 'uncovered', null, Date.parse(at('18:00'))],
    ]);
    const [row] = (await db.query('select duty_ids from transport.leg where personnel_id = $1 limit 1', [person])).rows;
    expect([...row.duty_ids].sort()).toEqual([morning, afternoon].sort());
    expect((await legs()).some((l) => l.personnelId === own)).toBe(false);
  });

  it('counts a leg covered only by a trip that gets the person there by arriveBy', async () => {
    const onTime = await world.person(geo);
    const late = await world.person(geo);
    const onTimeDuty = await dutyAt(onTime, otherPost, '08:00', '12:00');
    const lateDuty = await dutyAt(late, otherPost, '08:00', '12:00');
    await world.projected([onTime, late], [onTimeDuty, lateDuty], [otherPost]);
    const goodTrip = await outboundTrip(otherPost, '07:15');
    const lateTrip = await outboundTrip(otherPost, '07:45', '06:00', '08:00');
    const booked = await rasad.api.post(`/api/v1/transport/trips/${goodTrip}/passengers`, {
      passengers: [{ dutyId: onTimeDuty }],
    });
    expect(booked.status).toBe(200);
    expect(
      (await rasad.api.post(`/api/v1/transport/trips/${lateTrip}/passengers`, { passengers: [{ dutyId: lateDuty }] }))
        .status,
    ).toBe(200);
    const outbound = (await legs('&kind=outbound')).filter((l) => l.postId === otherPost);
    expect(outbound.find((l) => l.personnelId === onTime)).toMatchObject({
      status: 'covered',
      coveredBy: { tripId: goodTrip, manifestEntryId: booked.body[0].id },
    });
    expect(outbound.find((l) => l.personnelId === late)).toMatchObject({ status: 'uncovered', coveredBy: null });
    const uncovered = await legs('&status=uncovered');
    expect(uncovered.some((l) => l.personnelId === onTime && l.kind === 'outbound')).toBe(false);
    expect(uncovered.some((l) => l.personnelId === late && l.kind === 'outbound')).toBe(true);
  });

  it('voids the old leg of a reposted duty, needs the new one, and flags the booking', async () => {
    const person = await world.person(geo);
    const duty = await dutyAt(person, geo.postId, '09:00', '13:00');
    await world.projected([person], [duty], [geo.postId]);
    const trip = await outboundTrip(geo.postId, '08:00', '05:00', '08:30');
    const booked = await rasad.api.post(`/api/v1/transport/trips/${trip}/passengers`, {
      passengers: [{ dutyId: duty }],
    });
    expect(booked.status).toBe(200);
    await eventually(async () =>
      expect((await legs()).find((l) => l.personnelId === person && l.kind === 'outbound')?.status).toBe('covered'),
    );

    const reposted = await rasad.api.patch(`/api/v1/assignments/${duty}`, {
      postId: otherPost,
      reason: 'Sensitive station',
    });
    expect(reposted.status).toBe(200);
    await eventually(async () => {
      const theirs = (await legs('&status=covered,uncovered,void')).filter((l) => l.personnelId === person);
      expect(theirs.map((l) => [l.postId, l.kind, l.status, l.voidReason]).sort()).toEqual(
        [
          [geo.postId, 'outbound', 'void', 'reposted'],
          [geo.postId, 'return', 'void', 'reposted'],
          [otherPost, 'outbound', 'uncovered', null],
          [otherPost, 'return', 'uncovered', null],
        ].sort(),
      );
    });
    const manifest = await rasad.api.get(`/api/v1/transport/trips/${trip}/passengers?flag=reposted`);
    expect(manifest.body.items).toEqual([
      expect.objectContaining({ dutyId: duty, status: 'booked', flag: 'reposted', flagReason: 'Sensitive station' }),
    ]);

    expect((await rasad.api.post(`/api/v1/assignments/${duty}/cancel`, { reason: 'Polls moved' })).status).toBe(200);
    await eventually(async () => {
      const theirs = (await legs('&status=void')).filter((l) => l.personnelId === person && l.postId === otherPost);
      expect(theirs.map((l) => [l.status, l.voidReason])).toEqual([
        ['void', 'duty_cancelled'],
        ['void', 'duty_cancelled'],
      ]);
    });
  });

  it('follows a trip on the day: dispatched, an arrival after arriveBy flagged late, completed', async () => {
    const person = await world.person(geo);
    const duty = await dutyAt(person, geo.postId, '20:00', '23:00');
    await world.projected([person], [duty], [geo.postId]);
    const vehicle = await world.vehicle(geo.districtId);
    const driver = await world.driver(geo);
    const trip = await rasad.api.post('/api/v1/transport/trips', {
      ...refs,
      vehicleId: vehicle.id,
      driverId: driver.id,
      direction: 'outbound',
      startsAt: at('18:00'),
      endsAt: at('20:00'),
      stops: [{ postId: geo.postId, arrivesAt: at('19:00'), departsAt: at('19:05') }],
    });
    const path = `/api/v1/transport/trips/${trip.body.id}`;
    expect((await rasad.api.post(`${path}/passengers`, { passengers: [{ dutyId: duty }] })).status).toBe(200);
    const early = await rasad.api.post(`${path}/stops/0/arrive`, {});
    expect(early.status).toBe(409);
    expect(early.body.message).toBe(`trip ${trip.body.id} is planned: cannot arrive`);
    expect((await rasad.api.post(`${path}/dispatch`)).body.status).toBe('dispatched');
    // arriveBy is 19:30: 19:45 is late.
    const arrived = await rasad.api.post(`${path}/stops/0/arrive`, { arrivedAt: at('19:45') });
    expect(arrived.body).toMatchObject({ status: 'en_route', stops: [{ position: 0, late: true }] });
    expect(Date.parse(arrived.body.stops[0].arrivedAt)).toBe(Date.parse(at('19:45')));
    const onTime = await rasad.api.post(`${path}/stops/0/arrive`, { arrivedAt: at('19:20') });
    expect(onTime.body.stops[0].late).toBe(false);
    expect((await rasad.api.post(`${path}/stops/3/arrive`, {})).status).toBe(404);

    // The driver's run sheet: each stop with who gets off there, as JSON and as a PDF to print.
    const sheet = await rasad.api.get(`${path}/run-sheet`);
    expect(sheet.body).toMatchObject({
      vehicle: { registration: expect.stringMatching(/^HRA-/), seats: 20 },
      pickupPoint: { name: 'Police Lines Haripur' },
      stops: [{ position: 0, postId: geo.postId, passengers: [{ personnelId: person, name: 'Muhammad Imran' }] }],
    });
    const pdf = await fetch(`${rasad.api.baseUrl}/api/v1${path.slice('/api/v1'.length)}/run-sheet.pdf`, {
      headers: { authorization: `Bearer ${rasad.api.token}` },
    });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain(`Run sheet: ${sheet.body.vehicle.registration}`);
    expect(text).toContain('Arrive 19:00, leave 19:05. 1 passengers:');
    expect(text).toContain(sheet.body.stops[0].passengers[0].serviceNumber);
    expect((await rasad.api.post(`${path}/complete`)).body.status).toBe('completed');
    expect((await rasad.api.post(`${path}/cancel`, { reason: 'Too late' })).status).toBe(409);

    // Readiness hears the trip's story in order, each event with the trip as it stood, and each booking.
    await eventually(async () => {
      const story = (await tripEvents(trip.body.id)).map((e) => e.type.split('.').slice(2, 4).join('.'));
      expect(story).toEqual([
        'trip.planned',
        'manifest.booked',
        'trip.dispatched',
        'trip.arrived',
        'trip.arrived',
        'trip.completed',
      ]);
    });
    const [booked] = (await tripEvents(trip.body.id)).filter((e) => e.type === 'evt.transport.manifest.booked.v1');
    expect(booked.payload).toMatchObject({
      personnelId: person,
      dutyId: duty,
      postId: geo.postId,
      leg: 'outbound',
      legAt: new Date(at('19:30')).toISOString(),
      stopArrivesAt: new Date(at('19:00')).toISOString(),
      // Named for the passenger's notice, which reads no transport table.
      pickupPointName: 'Police Lines Haripur',
      pickupPointAddress: null,
    });
  });

  it('tells who was taken off when a trip is cancelled', async () => {
    const person = await world.person(geo);
    const duty = await dutyAt(person, otherPost, '10:00', '14:00');
    await world.projected([person], [duty], [otherPost]);
    const trip = await outboundTrip(otherPost, '09:00', '08:00', '09:30');
    expect(
      (await rasad.api.post(`/api/v1/transport/trips/${trip}/passengers`, { passengers: [{ dutyId: duty }] })).status,
    ).toBe(200);
    const cancelled = await rasad.api.post(`/api/v1/transport/trips/${trip}/cancel`, { reason: 'Road closed' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', seatsTaken: 0 });
    await eventually(async () => {
      const events = await tripEvents(trip);
      expect(events.map((e) => e.type)).toEqual([
        'evt.transport.trip.planned.v1',
        'evt.transport.manifest.booked.v1',
        'evt.transport.trip.cancelled.v1',
        'evt.transport.manifest.cancelled.v1',
      ]);
      expect(events[2].payload).toMatchObject({ status: 'cancelled', statusReason: 'Road closed' });
      expect(events[3].payload).toMatchObject({ personnelId: person, dutyId: duty });
    });
  });

  it('refuses a day that does not exist, naming date', async () => {
    const response = await rasad.api.get(`/api/v1/transport/legs?date=2027-02-30`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'date' })]);
    expect((await rasad.api.get('/api/v1/transport/legs')).body.errors).toEqual([
      expect.objectContaining({ field: 'date' }),
    ]);
  });
});
