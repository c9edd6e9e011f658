import { loadEnv } from '@rasad/common';
import { BriefingsEvents, EventEnvelope, NotificationView, RosterEvents } from '@rasad/contracts';
import {
  Geography,
  TestApi,
  TsProcess,
  WebhookReceiver,
  createGeography,
  createPersonnel,
  eventually,
} from '@rasad/testing';
import { NatsConnection, connect } from 'nats';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { RunningRasad, ServiceFactory, startRasad } from '@rasad/testing/rasad-app';
import { createNotifier } from '../src/bootstrap';
import { NotifierEnv } from '../src/notifier.env';
import { briefingSession, publishEvent, republish } from './notifier-events';

const SECRET = 'a-webhook-secret-for-the-notifier-suite-0123456789';
const SMS_TEMPLATE = '{"sms":{"to":"{{to}}","body":"{{text}}"},"reference":"{{reference}}"}';

/** The notifier over a real broker, database, gateway and roster, delivering to local receivers. */
describe('notifier', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let geo: Geography;
  let nc: NatsConnection;
  let webhook: WebhookReceiver;
  let smsGateway: WebhookReceiver;
  let db: Client;
  let english: { id: string; phone: string };
  let urdu: { id: string; phone: string };

  const noticesOf = async (query: string): Promise<NotificationView[]> => {
    const response = await api.get(`/api/v1/notifications?${query}`);
    expect(response.status).toBe(200);
    return response.body.items;
  };
  const noticesFor = async (event: EventEnvelope) =>
    (await noticesOf('limit=500')).filter((n) => n.eventId === event.id);
  /** Waits until every notice of the event is sent, and returns them. */
  const sentFor = (event: EventEnvelope, count: number) =>
    eventually(
      async () => {
        const notices = await noticesFor(event);
        expect(notices).toHaveLength(count);
        expect(notices.map((n) => n.status)).toEqual(notices.map(() => 'sent'));
        return notices;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
  const invite = (personnelId: string, session = briefingSession(geo.districtId)) =>
    publishEvent(nc, BriefingsEvents.invitationCreated, uuidv7(), {
      invitationId: uuidv7(),
      personnelId,
      status: 'invited',
      session,
    });

  /** The notifier as this suite runs it, with some settings changed ('' unsets one). */
  const notifierWith =
    (changes: Record<string, string>): ServiceFactory =>
    (env) =>
      createNotifier(
        loadEnv(NotifierEnv, {
          ...env,
          NOTIFY_CHANNEL: 'webhook',
          // The suite's receivers are plain http on this machine.
          WEBHOOK_ALLOW_HTTP: 'true',
          WEBHOOK_URL: webhook.url,
          WEBHOOK_SECRET: SECRET,
          SMS_GATEWAY_URL: smsGateway.url,
          SMS_GATEWAY_AUTH_HEADER: 'X-Api-Key: sms-test-key',
          SMS_BODY_TEMPLATE: SMS_TEMPLATE,
          NOTIFY_BACKOFF_MS: '100',
          NOTIFY_POLL_MS: '100',
          NOTIFY_TIMEOUT_MS: '1000',
          ...changes,
        }),
      );
  const notifier = notifierWith({});

  beforeAll(async () => {
    webhook = await WebhookReceiver.start({ secret: SECRET });
    smsGateway = await WebhookReceiver.start();
    rasad = await startRasad(
      'notifier_e2e',
      {},
      { gateway: { RASAD_EVENT_CONSUMERS: 'notifier' } },
      { services: [notifier] },
    );
    api = rasad.api;
    nc = await connect({ servers: rasad.broker!.url });
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    geo = await createGeography(api, 'NTF');
    english = (await createPersonnel(api, geo, { name: 'Asif Khan', language: 'en' })) as typeof english;
    urdu = (await createPersonnel(api, geo, { name: 'Nadia Bibi', language: 'ur' })) as typeof urdu;
  });

  afterAll(async () => {
    await db?.end();
    await nc?.close();
    await rasad?.stop();
    await webhook?.close();
    await smsGateway?.close();
  });

  it('delivers one signed webhook per invitation, in each person’s language, and logs it without the phone', async () => {
    const forEnglish = await invite(english.id);
    const forUrdu = await invite(urdu.id);
    const [en] = await sentFor(forEnglish, 1);
    const [ur] = await sentFor(forUrdu, 1);

    const deliveredEn = webhook.deliveries.find((d) => d.key === en.id)!;
    expect(deliveredEn.signed).toBe(true);
    expect(deliveredEn.headers['x-rasad-notice-id']).toBe(en.id);
    expect(deliveredEn.json).toMatchObject({
      id: en.id,
      eventId: forEnglish.id,
      eventType: BriefingsEvents.invitationCreated,
      personnelId: english.id,
      kind: 'briefing_invitation',
      language: 'en',
      text: 'Rasad: You are invited to briefing "Code of conduct" on Fri 5 Feb 2027, 10:00 at Govt High School No. 1, GT Road, Haripur.',
    });
    const deliveredUr = webhook.deliveries.find((d) => d.key === ur.id)!;
    expect(deliveredUr.signed).toBe(true);
    expect(deliveredUr.json.language).toBe('ur');
    expect(deliveredUr.json.text).toContain('بریفنگ "Code of conduct" میں مدعو');
    expect(deliveredUr.json.text).toContain('جمعہ 5 فروری 2027، 10:00');

    expect(en).toMatchObject({ channel: 'webhook', attempts: 1, encoding: 'gsm7', segments: 1, lastError: null });
    expect(ur).toMatchObject({ channel: 'webhook', attempts: 1, encoding: 'ucs2', language: 'ur' });
    expect(ur.segments).toBeGreaterThan(1);
    expect(webhook.acceptedCount(en.id)).toBe(1);
    expect(webhook.acceptedCount(ur.id)).toBe(1);

    const log = JSON.stringify(await api.get(`/api/v1/notifications?personnelId=${urdu.id}`));
    expect(log).not.toContain(urdu.phone.slice(-7));
  });

  it('applies news of a briefing that has begun, or a duty that is over, without a notice', async () => {
    const started = await invite(
      english.id,
      briefingSession(geo.districtId, { startsAt: new Date(Date.now() - 60_000).toISOString() }),
    );
    const over = await publishEvent(nc, RosterEvents.assignmentCreated, uuidv7(), {
      id: uuidv7(),
      personnelId: english.id,
      postId: geo.postId,
      role: 'guard',
      startsAt: '2026-01-10T06:00:00+05:00',
      endsAt: '2026-01-10T20:00:00+05:00',
      phase: 'poll_day',
      status: 'confirmed',
    });
    // A later invitation for the same person is noticed, so the consumer is not simply behind.
    const upcoming = await invite(english.id);
    await sentFor(upcoming, 1);
    await eventually(async () => {
      const { rows } = await db.query('select count(*)::int as n from notifier.inbox where event_id = any($1)', [
        [started.id, over.id],
      ]);
      expect(rows[0].n).toBe(2);
    });
    expect(await noticesFor(started)).toEqual([]);
    expect(await noticesFor(over)).toEqual([]);
  });

  it('applies an event delivered twice only once', async () => {
    const event = await invite(english.id);
    await sentFor(event, 1);
    // Past JetStream's duplicate window (another message id): the notifier's inbox drops it.
    await republish(nc, event, `${event.id}-again`);
    const marker = await invite(english.id);
    await sentFor(marker, 1);
    expect(await noticesFor(event)).toHaveLength(1);
    expect(webhook.requests.filter((r) => r.json?.eventId === event.id)).toHaveLength(1);
  });

  it('retries a failing receiver with backoff, then delivers exactly once', async () => {
    webhook.failNext(2);
    const event = await publishEvent(nc, BriefingsEvents.reminderDue, uuidv7(), {
      reminderId: uuidv7(),
      invitationId: uuidv7(),
      personnelId: english.id,
      offsetSeconds: 7200,
      session: briefingSession(geo.districtId),
    });
    const [notice] = await sentFor(event, 1);
    expect(notice).toMatchObject({ kind: 'briefing_reminder', attempts: 3, status: 'sent' });
    expect(notice.lastError).toContain('HTTP 500');
    expect(notice.body).toContain('in 2 hours');
    expect(webhook.requests.filter((r) => r.key === notice.id).map((r) => r.status)).toEqual([500, 500, 200]);
    expect(webhook.deliveries.filter((d) => d.key === notice.id)).toHaveLength(1);
  });

  it('gives up on a receiver that does not answer in time, then sends again with the same notice id', async () => {
    webhook.hangNext(1);
    const moved = briefingSession(geo.districtId, { startsAt: '2027-02-06T06:30:00.000Z', sequence: 1 });
    const event = await publishEvent(nc, BriefingsEvents.sessionRescheduled, moved.id, {
      session: moved,
      previous: {
        startsAt: '2027-02-05T05:00:00.000Z',
        endsAt: '2027-02-05T07:00:00.000Z',
        venueName: moved.venueName,
        venueAddress: moved.venueAddress,
      },
      reason: 'Venue needed for polling material',
      personnelIds: [english.id, urdu.id],
    });
    const notices = await sentFor(event, 2);
    const timedOut = notices.find((n) => n.attempts === 2)!;
    expect(timedOut.lastError).toBe('no answer within 1000 ms');
    for (const notice of notices) {
      expect(webhook.acceptedCount(notice.id)).toBe(1);
    }
    const en = notices.find((n) => n.personnelId === english.id)!;
    expect(en.body).toContain('moved from Fri 5 Feb 2027, 10:00 to Sat 6 Feb 2027, 11:30');
  });

  it('sends nothing twice across a restart, and what was pending goes out after it', async () => {
    webhook.failNext(1000);
    const session = briefingSession(geo.districtId);
    const event = await publishEvent(nc, BriefingsEvents.sessionCancelled, session.id, {
      session: { ...session, status: 'cancelled', sequence: 1 },
      reason: 'Merged with the morning session',
      personnelIds: [english.id, urdu.id],
    });
    await eventually(() =>
      expect(webhook.requests.filter((r) => r.json?.eventId === event.id).length).toBeGreaterThan(1),
    );

    await rasad.services[0].close();
    webhook.failNext(0);
    rasad.services[0] = await notifier(rasad.commonEnv);
    await rasad.services[0].listen();

    const notices = await sentFor(event, 2);
    expect(notices.every((n) => n.kind === 'briefing_cancelled')).toBe(true);
    const after = await invite(urdu.id);
    await sentFor(after, 1);
    const keys = new Set(webhook.requests.map((r) => r.key));
    for (const key of keys) {
      expect(webhook.acceptedCount(key!)).toBe(1);
    }
    expect(webhook.duplicates).toHaveLength(0);
  });

  it('resends with the same notice id after a crash between the receiver’s accept and the commit', async () => {
    await rasad.services[0].close();
    const crashing = new TsProcess('apps/notifier/src/main.ts', {
      ...rasad.commonEnv,
      LOG_LEVEL: 'info',
      NOTIFY_CHANNEL: 'webhook',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_URL: webhook.url,
      WEBHOOK_SECRET: SECRET,
      NOTIFY_POLL_MS: '100',
      NOTIFY_TIMEOUT_MS: '60000',
    });
    try {
      await crashing.waitFor('consuming events');
      webhook.stallNext(1);
      const event = await invite(english.id);
      const stalled = await eventually(() => {
        const found = webhook.requests.find((r) => r.json?.eventId === event.id);
        expect(found).toBeDefined();
        return found!;
      });
      await crashing.kill('SIGKILL');

      rasad.services[0] = await notifier(rasad.commonEnv);
      await rasad.services[0].listen();
      const [notice] = await sentFor(event, 1);
      expect(stalled.key).toBe(notice.id);
      // The receiver saw it twice under one idempotency key and kept it once; the killed attempt left no trace here.
      expect(webhook.requests.filter((r) => r.key === notice.id)).toHaveLength(2);
      expect(webhook.deliveries.filter((d) => d.key === notice.id)).toHaveLength(1);
      expect(webhook.duplicates.filter((d) => d.key === notice.id)).toHaveLength(1);
      expect(notice.attempts).toBe(1);
    } finally {
      await crashing.kill('SIGKILL');
    }
  });

  it('sends by SMS to a person who chose it, through the gateway’s body template and auth header', async () => {
    const set = await api.request('PUT', `/api/v1/notifications/channels/${urdu.id}`, { channel: 'sms' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ personnelId: urdu.id, channel: 'sms', effectiveChannel: 'sms' });
    expect((await api.get(`/api/v1/notifications/channels/${english.id}`)).body).toEqual({
      personnelId: english.id,
      channel: null,
      effectiveChannel: 'webhook',
    });
    expect((await api.request('PUT', `/api/v1/notifications/channels/${urdu.id}`, { channel: 'fax' })).status).toBe(
      400,
    );

    const event = await invite(urdu.id);
    const [notice] = await sentFor(event, 1);
    expect(notice).toMatchObject({ channel: 'sms', encoding: 'ucs2' });
    const request = smsGateway.deliveries.find((d) => d.key === notice.id)!;
    expect(request.headers['x-api-key']).toBe('sms-test-key');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.json).toEqual({ sms: { to: urdu.phone, body: notice.body }, reference: notice.id });
    expect(webhook.requests.some((r) => r.json?.eventId === event.id)).toBe(false);

    const reset = await api.request('PUT', `/api/v1/notifications/channels/${urdu.id}`, { channel: null });
    expect(reset.body).toMatchObject({ channel: null, effectiveChannel: 'webhook' });
  });

  it('tells a person of a new duty and of a moved one, not of a change of role', async () => {
    const created = await api.post('/api/v1/assignments', {
      personnelId: english.id,
      postId: geo.postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt: '2027-02-08T06:00:00+05:00',
      endsAt: '2027-02-08T20:00:00+05:00',
    });
    expect(created.status).toBe(201);
    const posted = await eventually(async () => {
      const found = (await noticesOf(`personnelId=${english.id}&status=sent&limit=500`)).filter(
        (n) => n.kind === 'duty_posted',
      );
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(posted.body).toBe('Rasad: You are posted to Polling station NTF (NTF-P1), Mon 8 Feb 2027, 06:00-20:00.');
    expect(webhook.acceptedCount(posted.id)).toBe(1);

    await api.patch(`/api/v1/assignments/${created.body.id}`, { role: 'in_charge' });
    await api.patch(`/api/v1/assignments/${created.body.id}`, {
      startsAt: '2027-02-08T07:00:00+05:00',
      endsAt: '2027-02-08T21:00:00+05:00',
    });
    const changed = await eventually(async () => {
      const found = (await noticesOf(`personnelId=${english.id}&status=sent&limit=500`)).filter(
        (n) => n.kind === 'duty_changed',
      );
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(changed.body).toContain('Mon 8 Feb 2027, 07:00-21:00');
  });

  it('stays silent when a person declines, and tells them when an officer withdraws the invitation', async () => {
    const invitationId = uuidv7();
    const session = briefingSession(geo.districtId);
    const declined = await publishEvent(nc, BriefingsEvents.invitationCancelled, invitationId, {
      invitationId,
      personnelId: urdu.id,
      status: 'declined',
      reason: 'declined',
      session,
    });
    const withdrawn = await publishEvent(nc, BriefingsEvents.invitationCancelled, invitationId, {
      invitationId,
      personnelId: urdu.id,
      status: 'cancelled',
      reason: 'cancelled by an officer',
      session,
    });
    const [notice] = await sentFor(withdrawn, 1);
    expect(notice.body).toContain('متوقع نہیں');
    expect(await noticesFor(declined)).toHaveLength(0);
  });

  it('shares the work between replicas without sending any notice twice', async () => {
    // Two replicas sending 30 notices in one loaded process (every service and the webhook share its event loop, and
    // a run of notices is written at once) can outlast the suite's 1000 ms, even 5 s on a busy machine, and a
    // timed-out send is resent by design: that would be a timeout, not the sharing under test.
    const patient = notifierWith({ NOTIFY_TIMEOUT_MS: '15000' });
    await rasad.services[0].close();
    rasad.services[0] = await patient(rasad.commonEnv);
    await rasad.services[0].listen();
    const replica = await patient(rasad.commonEnv);
    await replica.listen();
    try {
      const events = await Promise.all(
        Array.from({ length: 30 }, (_, i) => invite(i % 2 === 0 ? english.id : urdu.id)),
      );
      const notices = (await Promise.all(events.map((event) => sentFor(event, 1)))).flat();
      for (const notice of notices) {
        expect(webhook.acceptedCount(notice.id)).toBe(1);
        expect(notice.attempts).toBe(1);
      }
    } finally {
      await replica.close();
    }
  });

  it('shows a district its own notices only, and keeps channel changes to those who may change', async () => {
    const other = await createGeography(api, 'NTF2');
    const PASSWORD = 'a-password-for-notifier-users';
    const user = async (username: string, role: string, districtIds: string[]) => {
      expect((await api.post('/api/v1/users', { username, password: PASSWORD, role, districtIds })).status).toBe(201);
      return rasad.anonymous.login(username, PASSWORD);
    };
    const viewer = await user('notifier.viewer', 'viewer', [geo.districtId]);
    const stranger = await user('notifier.stranger', 'logistics_officer', [other.districtId]);

    const seen = await viewer.get(`/api/v1/notifications?personnelId=${english.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.length).toBeGreaterThan(0);
    expect((await stranger.get(`/api/v1/notifications?personnelId=${english.id}`)).body.items).toEqual([]);
    expect((await stranger.get(`/api/v1/notifications/channels/${english.id}`)).status).toBe(404);
    expect(
      (await stranger.request('PUT', `/api/v1/notifications/channels/${english.id}`, { channel: 'sms' })).status,
    ).toBe(404);
    expect(
      (await viewer.request('PUT', `/api/v1/notifications/channels/${english.id}`, { channel: 'sms' })).status,
    ).toBe(403);
    const audit = await api.get(`/api/v1/audit?entity=notice_channel&entityId=${urdu.id}`);
    expect(audit.body.items.map((e: { after: { channel: string | null } }) => e.after.channel)).toEqual(
      expect.arrayContaining(['sms', null]),
    );
  });

  it('filters the delivery log by status and time, and pages it', async () => {
    const all = await noticesOf('limit=500');
    expect(all.length).toBeGreaterThan(5);
    expect(await noticesOf('status=failed')).toEqual([]);
    expect(await noticesOf('since=2099-01-01T00:00:00Z')).toEqual([]);
    const first = await api.get('/api/v1/notifications?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await api.get(`/api/v1/notifications?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).toBe(all[2].id);
    expect((await api.get('/api/v1/notifications?status=lost')).status).toBe(400);
    expect((await api.get('/api/v1/dead-letters')).body.items).toEqual([]);
  });

  it('fails a notice at once, naming the missing setting, when a person’s channel is no longer configured', async () => {
    expect((await api.request('PUT', `/api/v1/notifications/channels/${english.id}`, { channel: 'sms' })).status).toBe(
      200,
    );
    await rasad.services[0].close();
    rasad.services[0] = await notifierWith({ SMS_GATEWAY_URL: '' })(rasad.commonEnv);
    await rasad.services[0].listen();

    const event = await invite(english.id);
    const [notice] = await eventually(async () => {
      const found = await noticesFor(event);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(notice).toMatchObject({
      channel: 'sms',
      status: 'failed',
      attempts: 0,
      lastError: 'channel sms is not configured: set SMS_GATEWAY_URL',
      nextAttemptAt: null,
    });
    expect((await noticesOf('status=failed')).map((n) => n.id)).toEqual([notice.id]);
    const refused = await api.request('PUT', `/api/v1/notifications/channels/${urdu.id}`, { channel: 'sms' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('channel sms is not configured: set SMS_GATEWAY_URL');
  });
});
