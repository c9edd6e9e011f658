import { loadEnv } from '@rasad/common';
import { ConsumersStatusView, EventEnvelope } from '@rasad/contracts';
import { Geography, TestApi, createGeography, eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { NatsConnection, connect } from 'nats';
import { Client } from 'pg';
import { createLodging } from '../../lodging/src/bootstrap';
import { LodgingEnv } from '../../lodging/src/lodging.env';
import { LodgingWorld } from '../../lodging/test/lodging-fixtures';
import { createTransport } from '../../transport/src/bootstrap';
import { TransportEnv } from '../../transport/src/transport.env';
import { TransportWorld } from '../../transport/test/transport-fixtures';
import { createNotifier } from '../src/bootstrap';
import { NotifierEnv } from '../src/notifier.env';
import { republish } from './notifier-events';

// Polling day, 8 February 2027 in Haripur (UTC+5): the trip leaves the police lines at 05:30 local.
const TRIP = { startsAt: '2027-02-08T00:30:00.000Z', endsAt: '2027-02-08T02:30:00.000Z' };
const STOP = { arrivesAt: '2027-02-08T00:50:00.000Z', departsAt: '2027-02-08T00:55:00.000Z' };
const DUTY = { startsAt: '2027-02-08T06:00:00+05:00', endsAt: '2027-02-08T20:00:00+05:00' };
const NIGHT_7 = { startsAt: '2027-02-07T20:00:00+05:00', endsAt: '2027-02-08T02:00:00+05:00' };

interface NoticeView {
  kind: string;
  language: string;
  body: string;
  eventType: string;
}

/**
 * What transport and lodging tell people through the notifier: a passenger their pickup point and local time, and
 * that the seat is gone; a person their bed (site, address, room), and that a no-show lost it, with their post's
 * in-charge told too; each once per event, in the person's language.
 */
describe('transport and lodging notices', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let nc: NatsConnection;
  let transport: TransportWorld;
  let lodging: LodgingWorld;
  let haripur: Geography;
  let postId: string;

  const noticesOf = async (personnelId: string, kind: string): Promise<NoticeView[]> => {
    const response = await api.get(`/api/v1/notifications?personnelId=${personnelId}`);
    expect(response.status).toBe(200);
    return response.body.items.filter((n: NoticeView) => n.kind === kind);
  };

  /** Waits for exactly one notice of this kind to the person, and returns it. */
  const oneNotice = (personnelId: string, kind: string) =>
    eventually(
      async () => {
        const notices = await noticesOf(personnelId, kind);
        expect(notices).toHaveLength(1);
        return notices[0];
      },
      { timeoutMs: 20_000 },
    );

  /** Publishes the producer's own recorded envelope again, as a relay that sent it twice would. */
  const redeliver = async (schema: 'transport' | 'lodging', subject: string, condition: string, value: string) => {
    const { rows } = await db.query<{ envelope: EventEnvelope }>(
      `select envelope from ${schema}.outbox where subject = $1 and ${condition} = $2`,
      [subject, value],
    );
    expect(rows).toHaveLength(1);
    await republish(nc, rows[0].envelope, `${rows[0].envelope.id}-again`);
    // The copy is in the stream once published: the notifier has taken it when nothing is pending for it.
    await eventually(
      async () => {
        const status = await api.get<ConsumersStatusView>('/api/v1/status/consumers');
        expect(status.body.consumers.find((c) => c.service === 'notifier')?.pending).toBe(0);
      },
      { timeoutMs: 20_000 },
    );
  };

  async function duty(personnelId: string, window: { startsAt: string; endsAt: string }, role = 'guard') {
    const response = await api.post('/api/v1/assignments', { personnelId, postId, role, phase: 'poll_day', ...window });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  beforeAll(async () => {
    rasad = await startRasad(
      'transport_lodging_notices',
      {},
      {
        gateway: {
          RASAD_SERVICES: 'roster,notifier,transport,lodging',
          RASAD_EVENT_CONSUMERS: 'notifier,transport,lodging',
        },
      },
      {
        services: [
          (env) => createNotifier(loadEnv(NotifierEnv, { ...env, NOTIFY_POLL_MS: '100' })),
          (env) => createTransport(loadEnv(TransportEnv, env)),
          (env) =>
            createLodging(
              loadEnv(LodgingEnv, {
                RASAD_DEMO_DATA: 'false',
                ...env,
                LODGING_SWEEP_POLL_MS: '200',
                LODGING_CHECK_IN_CUTOFF: '23:00',
              }),
            ),
        ],
      },
    );
    api = rasad.api;
    nc = await connect({ servers: rasad.broker!.url });
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    transport = new TransportWorld(api, db);
    lodging = new LodgingWorld(api, db);
    haripur = await createGeography(api, 'TLN');
    postId = await transport.post(haripur, 'TLN-001');
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await rasad?.stop();
  });

  it('tells a booked passenger their pickup point and local time once, in their language, and a cancellation once', async () => {
    const english = await transport.person(haripur);
    const urdu = await transport.person(haripur, { language: 'ur' });
    const duties = [await duty(english, DUTY), await duty(urdu, DUTY)];
    await transport.projected([english, urdu], duties, [postId]);
    const vehicle = await transport.vehicle(haripur.districtId);
    const driver = await transport.driver(haripur);
    const pickupPoint = await transport.pickupPoint(haripur.districtId);
    const trip = await api.post('/api/v1/transport/trips', {
      districtId: haripur.districtId,
      vehicleId: vehicle.id,
      driverId: driver.id,
      pickupPointId: pickupPoint.id,
      direction: 'outbound',
      ...TRIP,
      stops: [{ postId, ...STOP }],
    });
    expect(trip.status).toBe(201);

    const booked = await api.post(`/api/v1/transport/trips/${trip.body.id}/passengers`, {
      passengers: duties.map((dutyId) => ({ dutyId })),
    });
    expect(booked.status).toBe(200);
    const notice = await oneNotice(english, 'transport_booked');
    expect(notice).toMatchObject({ language: 'en', eventType: 'evt.transport.manifest.booked.v1' });
    expect(notice.body).toBe(
      'Rasad: Transport to Polling station TLN-001 (TLN-001): pickup at Police Lines Haripur, Mon 8 Feb 2027, 05:30.',
    );
    const inUrdu = await oneNotice(urdu, 'transport_booked');
    expect(inUrdu.language).toBe('ur');
    expect(inUrdu.body).toMatch(
      /^رسد: Polling station TLN-001 \(TLN-001\) جانے کے لیے ٹرانسپورٹ: Police Lines Haripur سے، .*05:30۔$/,
    );

    const entry = booked.body.find((e: { personnelId: string }) => e.personnelId === english);
    await redeliver('transport', 'evt.transport.manifest.booked.v1', `envelope->'payload'->>'entryId'`, entry.id);
    expect(await noticesOf(english, 'transport_booked')).toHaveLength(1);

    // One passenger taken off by hand, the other by the trip's cancellation: each told once.
    const removed = await api.request('DELETE', `/api/v1/transport/trips/${trip.body.id}/passengers/${entry.id}`);
    expect(removed.status).toBe(200);
    const cancelled = await oneNotice(english, 'transport_cancelled');
    expect(cancelled.body).toBe(
      'Rasad: Transport cancelled: to Polling station TLN-001 (TLN-001), pickup Mon 8 Feb 2027, 05:30.',
    );
    const called = await api.post(`/api/v1/transport/trips/${trip.body.id}/cancel`, { reason: 'Breakdown' });
    expect(called.status).toBe(200);
    expect((await oneNotice(urdu, 'transport_cancelled')).body).toMatch(/^رسد: ٹرانسپورٹ منسوخ: /);
    await redeliver('transport', 'evt.transport.manifest.cancelled.v1', `envelope->'payload'->>'entryId'`, entry.id);
    expect(await noticesOf(english, 'transport_cancelled')).toHaveLength(1);
    expect(await noticesOf(urdu, 'transport_cancelled')).toHaveLength(1);
  });

  it('tells a person their site, its address, room, bed and nights once, in their language', async () => {
    const english = await lodging.person(haripur);
    const urdu = await lodging.person(haripur, { language: 'ur' });
    await lodging.projected([await duty(english, DUTY), await duty(urdu, DUTY)]);
    const site = await lodging.site(haripur, { name: 'Govt. High School Sarai Saleh', address: 'Sarai Saleh Road' });
    const room = await lodging.room(site.id, 'any', ['B1', 'B2'], 'Hall A');
    const allocate = (personnelId: string, bedId: string) =>
      api.post('/api/v1/lodging/allocations', {
        personnelId,
        bedId,
        firstNight: '2027-02-07',
        lastNight: '2027-02-07',
      });

    const allocation = await allocate(english, room.beds[0].id);
    expect(allocation.status).toBe(201);
    expect((await allocate(urdu, room.beds[1].id)).status).toBe(201);
    const notice = await oneNotice(english, 'lodging_allocated');
    expect(notice.body).toBe(
      'Rasad: Your lodging: Govt. High School Sarai Saleh, Sarai Saleh Road, room Hall A, bed B1; night Sun 7 Feb 2027.',
    );
    const inUrdu = await oneNotice(urdu, 'lodging_allocated');
    expect(inUrdu.body).toMatch(
      /^رسد: آپ کی رہائش: Govt\. High School Sarai Saleh، Sarai Saleh Road، کمرہ Hall A، بستر B2؛/,
    );

    await redeliver('lodging', 'evt.lodging.allocation.created.v1', `envelope->'payload'->>'id'`, allocation.body.id);
    expect(await noticesOf(english, 'lodging_allocated')).toHaveLength(1);
  });

  it("tells a no-show their bed is released, and their post's in-charge that night, once", async () => {
    // Last night, whose 23:00 cut-off has passed: allocated now, the sweep gives it back at once.
    const yesterday = new Date(Date.now() - 24 * 3600_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Karachi' });
    const next = new Date(Date.parse(`${yesterday}T00:00:00Z`) + 24 * 3600_000).toISOString().slice(0, 10);
    const night = { startsAt: `${yesterday}T20:00:00+05:00`, endsAt: `${next}T02:00:00+05:00` };
    const absent = await lodging.person(haripur, { language: 'ur' });
    const inCharge = await lodging.person(haripur);
    const elsewhere = await lodging.person(haripur);
    const duties = [await duty(absent, night), await duty(inCharge, night, 'in_charge')];
    // An in-charge of the post on another night is not this night's officer.
    await duty(elsewhere, NIGHT_7, 'in_charge');
    await lodging.projected(duties);
    const site = await lodging.site(haripur, { name: 'Cut-off School' });
    const room = await lodging.room(site.id, 'any', ['N1'], 'Room');

    const allocation = await api.post('/api/v1/lodging/allocations', {
      personnelId: absent,
      bedId: room.beds[0].id,
      firstNight: yesterday,
      lastNight: yesterday,
    });
    expect(allocation.status).toBe(201);
    const released = await oneNotice(absent, 'lodging_no_show');
    expect(released.language).toBe('ur');
    expect(released.body).toMatch(/^رسد: مقررہ وقت تک چیک اِن نہ کرنے پر Cut-off School \(کمرہ Room، بستر N1\)/);
    const told = await oneNotice(inCharge, 'lodging_no_show_officer');
    expect(told.body).toMatch(
      /^Rasad: .+ \(.+\) not checked in at Cut-off School by the cut-off: bed for night .+ released\.$/,
    );
    expect(await noticesOf(elsewhere, 'lodging_no_show_officer')).toEqual([]);

    await redeliver(
      'lodging',
      'evt.lodging.allocation.released.v1',
      `envelope->'payload'->'allocation'->>'id'`,
      allocation.body.id,
    );
    expect(await noticesOf(absent, 'lodging_no_show')).toHaveLength(1);
    expect(await noticesOf(inCharge, 'lodging_no_show_officer')).toHaveLength(1);
  });
});
