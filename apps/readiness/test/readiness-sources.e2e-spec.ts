import { loadEnv } from '@rasad/common';
import { Geography, TestApi, createGeography, eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { BriefingsWorld } from '../../briefings/test/briefings-fixtures';
import { createBriefings } from '../../briefings/src/bootstrap';
import { BriefingsEnv } from '../../briefings/src/briefings.env';
import { createLodging } from '../../lodging/src/bootstrap';
import { LodgingEnv } from '../../lodging/src/lodging.env';
import { LodgingWorld } from '../../lodging/test/lodging-fixtures';
import { createMeals } from '../../meals/src/bootstrap';
import { MealsEnv } from '../../meals/src/meals.env';
import { createTransport } from '../../transport/src/bootstrap';
import { TransportEnv } from '../../transport/src/transport.env';
import { TransportWorld } from '../../transport/test/transport-fixtures';
import { createReadiness } from '../src/bootstrap';
import { ReadinessEnv } from '../src/readiness.env';

const HOUR = 3600_000;

function localDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 24 * HOUR).toLocaleDateString('en-CA', { timeZone: 'Asia/Karachi' });
}

interface Verdict {
  colour: string;
  checks: Record<string, boolean>;
  missing: { check: string; code: string; text: string }[];
}

/**
 * The real services supply each part through their own APIs: a roll call in briefings, a meal plan in meals, two
 * trips with the person booked in transport, a bed in lodging. Readiness agrees with each as it hears of it.
 */
describe('readiness from the services themselves', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let haripur: Geography;
  let abbottabad: Geography;

  const until = (id: string, expectation: (verdict: Verdict) => void) =>
    eventually(
      async () => {
        const response = await api.get(`/api/v1/readiness/assignments/${id}`);
        expect(response.status).toBe(200);
        expectation(response.body as Verdict);
        return response.body as Verdict;
      },
      { timeoutMs: 30_000 },
    );

  beforeAll(async () => {
    rasad = await startRasad(
      'readiness_sources',
      {},
      {
        gateway: {
          RASAD_SERVICES: 'roster,briefings,meals,lodging,transport,readiness',
          RASAD_EVENT_CONSUMERS: 'briefings,meals,lodging,transport,readiness',
        },
      },
      {
        services: [
          (env) => createBriefings(loadEnv(BriefingsEnv, env)),
          (env) => createMeals(loadEnv(MealsEnv, { ...env, RASAD_DEMO_DATA: 'false' })),
          (env) => createLodging(loadEnv(LodgingEnv, { ...env, RASAD_DEMO_DATA: 'false' })),
          (env) => createTransport(loadEnv(TransportEnv, env)),
          (env) => createReadiness(loadEnv(ReadinessEnv, env)),
        ],
      },
    );
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    haripur = await createGeography(api, 'RSH');
    abbottabad = await createGeography(api, 'RSA');
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('turns a duty green as briefings, meals, transport and lodging each supply their part', async () => {
    const briefings = new BriefingsWorld(api, db);
    const transport = new TransportWorld(api, db);
    const lodging = new LodgingWorld(api, db);
    const day = localDate(3);
    const night = localDate(2);
    const startsAt = `${day}T06:00:00+05:00`;
    const endsAt = `${day}T12:00:00+05:00`;
    const postId = await transport.post(haripur, 'RSH-P2');
    const person = await transport.person(haripur, { homeDistrictId: abbottabad.districtId });
    const duty = await api.post('/api/v1/assignments', {
      personnelId: person,
      postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt,
      endsAt,
    });
    expect(duty.status).toBe(201);
    const id = duty.body.id as string;
    await until(id, (v) => expect(v.checks).toEqual({ briefed: false, transported: false, lodged: false, fed: false }));

    // Briefed: invited, and present at a roll call with the code of conduct signed.
    await briefings.projected([person], [id], [postId]);
    const session = await briefings.session(haripur.districtId, 24);
    expect((await api.post(`/api/v1/briefings/${session.id}/invitations`, { personnelIds: [person] })).status).toBe(
      201,
    );
    await briefings.started(session.id);
    const roll = await api.post(`/api/v1/briefings/${session.id}/attendance`, {
      entries: [{ personnelId: person, status: 'present', codeOfConductAcknowledged: true }],
    });
    expect(roll.status).toBe(201);
    await until(id, (v) => expect(v.checks.briefed).toBe(true));

    // Fed: a breakfast plan for the post's live headcount.
    await eventually(async () => {
      const { rows } = await db.query('select 1 from meals.duty where id = $1', [id]);
      expect(rows).toHaveLength(1);
    });
    const kitchen = await api.post('/api/v1/meals/kitchens', {
      name: 'Haripur Caterers',
      districtId: haripur.districtId,
      contactPhone: '+923001234567',
      capacityPerSlot: 100,
      costPerMeal: 450,
    });
    expect(kitchen.status).toBe(201);
    const plan = await api.post('/api/v1/meals/plans', {
      postId,
      kitchenId: kitchen.body.id,
      slot: 'breakfast',
      date: day,
    });
    expect(plan.status).toBe(201);
    expect(plan.body.count).toBe(1);
    await until(id, (v) => expect(v.checks.fed).toBe(true));

    // Transported: an outbound trip reaching the post an hour before, a return leaving it after the duty.
    await transport.projected([person], [id], [postId]);
    const refs = {
      districtId: haripur.districtId,
      pickupPointId: (await transport.pickupPoint(haripur.districtId)).id,
    };
    const inHours = (at: string) => (Date.parse(at) - Date.now()) / HOUR;
    const book = async (direction: 'outbound' | 'return', startsInHours: number) => {
      const trip = await api.post(
        '/api/v1/transport/trips',
        transport.tripBody(
          {
            ...refs,
            vehicleId: (await transport.vehicle(haripur.districtId)).id,
            driverId: (await transport.driver(haripur)).id,
          },
          startsInHours,
          [postId],
          direction,
        ),
      );
      expect(trip.status).toBe(201);
      const booked = await api.post(`/api/v1/transport/trips/${trip.body.id}/passengers`, {
        passengers: [{ dutyId: id }],
      });
      expect(booked.status).toBe(200);
      return trip.body.id as string;
    };
    await book('outbound', inHours(startsAt) - 2);
    await until(id, (v) => expect(v.missing.filter((m) => m.check === 'transported')).toHaveLength(1));
    const back = await book('return', inHours(endsAt));
    await until(id, (v) => expect(v.checks.transported).toBe(true));

    // Lodged: from Abbottabad, a bed the night before the 06:00 start.
    await lodging.projected([id]);
    const site = await lodging.site(haripur);
    const room = await lodging.room(site.id, 'any', ['1']);
    const allocation = await api.post('/api/v1/lodging/allocations', {
      personnelId: person,
      bedId: room.beds[0].id,
      firstNight: night,
      lastNight: night,
    });
    expect(allocation.status).toBe(201);
    const green = await until(id, (v) => expect(v.colour).toBe('green'));
    expect(green.missing).toEqual([]);

    // Released by lodging: the night is missing again.
    const released = await api.post(`/api/v1/lodging/allocations/${allocation.body.id}/release`, {
      reason: 'Reposted',
    });
    expect(released.status).toBe(200);
    const unhoused = await until(id, (v) => expect(v.checks.lodged).toBe(false));
    expect(unhoused.missing.map((m) => m.code)).toEqual([`lodged.night:${night}`]);

    // The return trip cancelled in transport: no way back.
    expect((await api.post(`/api/v1/transport/trips/${back}/cancel`, { reason: 'Breakdown' })).status).toBe(200);
    const stranded = await until(id, (v) => expect(v.checks.transported).toBe(false));
    expect(stranded.missing.find((m) => m.check === 'transported')?.text).toMatch(
      /^no return leg from RSH-P2 after 12:00 on \d+ \w{3}$/,
    );
  });
});
