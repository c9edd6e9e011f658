import { loadEnv } from '@rasad/common';
import {
  AssignmentChangedEvent,
  DomainError,
  ErrorCode,
  EVENT_STREAM,
  EventEnvelope,
  NotificationView,
  NotifierSubjects,
  RosterEvents,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Geography, TestApi, createGeography, createPersonnel, eventually } from '@rasad/testing';
import { NatsConnection, connect } from 'nats';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { createNotifier } from '../src/bootstrap';
import { NotifierEnv } from '../src/notifier.env';
import { publishEvent, republish } from './notifier-events';

const PASSWORD = 'a-password-for-duty-notice-users';
const POLL_DAY = { startsAt: '2027-02-08T06:00:00+05:00', endsAt: '2027-02-08T20:00:00+05:00' };

/** Duty notices from the roster's API and imports, and who may see or change a person's channel. */
describe('duty notices and channel scope', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let haripur: Geography;
  let ghazi: Geography;
  let nc: NatsConnection;
  let db: Client;
  /** The roster's own events, read from its outbox: what the relay published. */
  const rosterEvent = async (type: string, aggregateId: string): Promise<EventEnvelope> => {
    const { rows } = await db.query(
      'select envelope from roster.outbox where subject = $1 and aggregate_id = $2 order by id desc limit 1',
      [type, aggregateId],
    );
    expect(rows).toHaveLength(1);
    return rows[0].envelope as EventEnvelope;
  };
  const noticesOf = async (personnelId: string, kind: string): Promise<NotificationView[]> => {
    const response = await api.get(`/api/v1/notifications?personnelId=${personnelId}&limit=500`);
    expect(response.status).toBe(200);
    return (response.body.items as NotificationView[]).filter((n) => n.kind === kind);
  };
  const exactlyOne = (personnelId: string, kind: string) =>
    eventually(
      async () => {
        const found = await noticesOf(personnelId, kind);
        expect(found).toHaveLength(1);
        expect(found[0].status).toBe('sent');
        return found[0];
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
  const postDuty = async (personnelId: string, postId: string, window = POLL_DAY) => {
    const response = await api.post('/api/v1/assignments', {
      personnelId,
      postId,
      role: 'guard',
      phase: 'poll_day',
      ...window,
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  /** A later event noticed, and nothing left unacknowledged by the notifier's consumer: all before it applied. */
  const drain = async () => {
    const marker = await createPersonnel(api, haripur, { name: 'Marker' });
    await postDuty(marker.id, haripur.postId);
    await exactlyOne(marker.id, 'duty_posted');
    await eventually(async () => {
      const info = await (await nc.jetstreamManager()).consumers.info(EVENT_STREAM, 'notifier');
      expect({ pending: info.num_pending, unacknowledged: info.num_ack_pending }).toEqual({
        pending: 0,
        unacknowledged: 0,
      });
    });
  };
  const user = async (username: string, districtIds: string[]) => {
    const created = await api.post('/api/v1/users', {
      username,
      password: PASSWORD,
      role: 'logistics_officer',
      districtIds,
    });
    expect(created.status).toBe(201);
    return rasad.anonymous.login(username, PASSWORD);
  };

  beforeAll(async () => {
    rasad = await startRasad(
      'notifier_duty_e2e',
      {},
      { gateway: { RASAD_EVENT_CONSUMERS: 'notifier' } },
      { services: [(env) => createNotifier(loadEnv(NotifierEnv, { ...env, NOTIFY_POLL_MS: '100' }))] },
    );
    api = rasad.api;
    nc = await connect({ servers: rasad.broker!.url });
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    haripur = await createGeography(api, 'HRP');
    ghazi = await createGeography(api, 'GHZ');
  });

  afterAll(async () => {
    await db?.end();
    await nc?.close();
    await rasad?.stop();
  });

  it('tells a person once, in their language, that their duty is cancelled, with the reason', async () => {
    const asif = await createPersonnel(api, haripur, { name: 'Asif Khan', language: 'en' });
    const nadia = await createPersonnel(api, haripur, { name: 'Nadia Bibi', language: 'ur' });
    const asifDuty = await postDuty(asif.id, haripur.postId);
    const nadiaDuty = await postDuty(nadia.id, haripur.postId);
    await exactlyOne(asif.id, 'duty_posted');
    await exactlyOne(nadia.id, 'duty_posted');

    expect(
      (await api.post(`/api/v1/assignments/${asifDuty}/cancel`, { reason: 'Polling station merged' })).status,
    ).toBe(200);
    expect((await api.post(`/api/v1/assignments/${nadiaDuty}/cancel`, {})).status).toBe(200);

    const english = await exactlyOne(asif.id, 'duty_cancelled');
    expect(english).toMatchObject({ language: 'en', encoding: 'gsm7', segments: 1 });
    expect(english.body).toBe(
      'Rasad: Duty cancelled, do not report: Polling station HRP (HRP-P1), Mon 8 Feb 2027, 06:00-20:00. Reason: Polling station merged',
    );
    const urdu = await exactlyOne(nadia.id, 'duty_cancelled');
    expect(urdu).toMatchObject({ language: 'ur', encoding: 'ucs2' });
    expect(urdu.body).toBe(
      'رسد: ڈیوٹی منسوخ، حاضر نہ ہوں: Polling station HRP (HRP-P1)، پیر 8 فروری 2027، 06:00 تا 20:00۔',
    );

    // The event again, past JetStream's duplicate window, and a second cancel of the same duty: still one notice.
    const cancelled = await rosterEvent(RosterEvents.assignmentCancelled, asifDuty);
    expect(cancelled.id).toBe(english.eventId);
    await republish(nc, cancelled, `${cancelled.id}-again`);
    expect((await api.post(`/api/v1/assignments/${asifDuty}/cancel`, { reason: 'again' })).status).toBe(200);
    await drain();
    expect(await noticesOf(asif.id, 'duty_cancelled')).toHaveLength(1);
    expect(await noticesOf(nadia.id, 'duty_cancelled')).toHaveLength(1);
  });

  it('tells once of a duty moved to another post or time, and of one cancelled through a change', async () => {
    const other = await api.post('/api/v1/posts', {
      code: 'HRP-CP1',
      name: 'Checkpoint Hattar Interchange',
      kind: 'checkpoint',
      policeStationId: haripur.policeStationId,
    });
    expect(other.status).toBe(201);
    const person = await createPersonnel(api, haripur, { name: 'Bilal Ahmed' });
    const duty = await postDuty(person.id, haripur.postId);
    await exactlyOne(person.id, 'duty_posted');

    expect((await api.patch(`/api/v1/assignments/${duty}`, { postId: other.body.id })).status).toBe(200);
    const moved = await exactlyOne(person.id, 'duty_changed');
    expect(moved.body).toBe(
      'Rasad: Your duty changed: Checkpoint Hattar Interchange (HRP-CP1), Mon 8 Feb 2027, 06:00-20:00.',
    );
    await republish(nc, await rosterEvent(RosterEvents.assignmentChanged, duty), `${moved.eventId}-again`);

    // A duty whose status becomes cancelled through `changed` (the roster's API refuses it today, an import or a
    // later producer may not), published as the roster's relay would.
    const { after } = (await rosterEvent(RosterEvents.assignmentChanged, duty)).payload as AssignmentChangedEvent;
    await publishEvent(nc, RosterEvents.assignmentChanged, duty, {
      before: after,
      after: { ...after, status: 'cancelled' },
    });
    const cancelled = await exactlyOne(person.id, 'duty_cancelled');
    expect(cancelled.eventType).toBe(RosterEvents.assignmentChanged);
    expect(cancelled.body).toBe(
      'Rasad: Duty cancelled, do not report: Checkpoint Hattar Interchange (HRP-CP1), Mon 8 Feb 2027, 06:00-20:00.',
    );
    await drain();
    expect(await noticesOf(person.id, 'duty_changed')).toHaveLength(1);
    expect(await noticesOf(person.id, 'duty_cancelled')).toHaveLength(1);
  });

  it('says nothing of a cancelled duty that is already over', async () => {
    const person = await createPersonnel(api, haripur, { name: 'Old Duty' });
    const over = await publishEvent(nc, RosterEvents.assignmentCancelled, uuidv7(), {
      id: uuidv7(),
      personnelId: person.id,
      postId: haripur.postId,
      role: 'guard',
      startsAt: '2026-01-10T06:00:00+05:00',
      endsAt: '2026-01-10T20:00:00+05:00',
      phase: 'poll_day',
      status: 'cancelled',
      reason: null,
    });
    await drain();
    const { rows } = await db.query('select count(*)::int as n from notifier.inbox where event_id = $1', [over.id]);
    expect(rows[0].n).toBe(1);
    expect(await noticesOf(person.id, 'duty_cancelled')).toEqual([]);
  });

  it('keeps a person’s channel and delivery log from an officer of another district', async () => {
    const person = await createPersonnel(api, haripur, { name: 'Haripur Constable' });
    await postDuty(person.id, haripur.postId, {
      startsAt: '2027-02-07T06:00:00+05:00',
      endsAt: '2027-02-07T14:00:00+05:00',
    });
    await exactlyOne(person.id, 'duty_posted');
    const attacker = await user('ghazi.logistics', [ghazi.districtId]);

    expect((await attacker.get(`/api/v1/notifications/channels/${person.id}`)).status).toBe(404);
    const put = await attacker.request('PUT', `/api/v1/notifications/channels/${person.id}`, { channel: 'log' });
    expect(put.status).toBe(404);
    expect((await attacker.get(`/api/v1/notifications?personnelId=${person.id}`)).body.items).toEqual([]);
    expect((await api.get(`/api/v1/notifications/channels/${person.id}`)).body).toEqual({
      personnelId: person.id,
      channel: null,
      effectiveChannel: 'log',
    });
    expect((await api.get(`/api/v1/audit?entity=notice_channel&entityId=${person.id}`)).body.items).toEqual([]);
  });

  it('holds the same scope for a request that reaches the notifier without the gateway', async () => {
    // Whoever holds the gateway's NATS credentials may send any scope header; the notifier decides for itself.
    const client = new RasadClient({ url: rasad.broker!.url, name: 'scope-attacker', timeoutMs: 5000 });
    try {
      const person = await createPersonnel(api, haripur, { name: 'Posted To Ghazi' });
      const ghaziDuty = await postDuty(person.id, ghazi.postId, {
        startsAt: '2027-02-09T06:00:00+05:00',
        endsAt: '2027-02-09T14:00:00+05:00',
      });
      await exactlyOne(person.id, 'duty_posted');
      const stranger = { districtIds: [uuidv7()] };
      const asGhazi = { districtIds: [ghazi.districtId] };
      const set = (channel: 'log' | null, scope: { districtIds: string[] }) =>
        client.send(NotifierSubjects.noticeChannelSet, { personnelId: person.id, channel }, { scope });

      const refused = (await set('log', stranger).catch((error: unknown) => error)) as DomainError;
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused.code).toBe(ErrorCode.NotFound);
      await expect(
        client.send(NotifierSubjects.noticeChannelGet, { personnelId: person.id }, { scope: stranger }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
      await expect(
        client.send(NotifierSubjects.noticeChannelGet, { personnelId: person.id }, { scope: { districtIds: [] } }),
      ).rejects.toMatchObject({ code: ErrorCode.NotFound });
      expect((await api.get(`/api/v1/notifications/channels/${person.id}`)).body.channel).toBeNull();

      // Home district, and the district of a live duty, are in scope; a cancelled duty no longer counts.
      await expect(set('log', { districtIds: [haripur.districtId] })).resolves.toMatchObject({ channel: 'log' });
      await expect(set(null, asGhazi)).resolves.toMatchObject({ channel: null });
      expect((await api.post(`/api/v1/assignments/${ghaziDuty}/cancel`, {})).status).toBe(200);
      await exactlyOne(person.id, 'duty_cancelled');
      await expect(set('log', asGhazi)).rejects.toMatchObject({ code: ErrorCode.NotFound });
      expect((await api.get(`/api/v1/notifications/channels/${person.id}`)).body.channel).toBeNull();
    } finally {
      await client.onApplicationShutdown();
    }
  });
});
