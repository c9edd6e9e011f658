import { loadEnv } from '@rasad/common';
import { NoticeKind, NotificationView } from '@rasad/contracts';
import { Geography, TestApi, WebhookReceiver, createGeography, createPersonnel, eventually } from '@rasad/testing';
import { Client } from 'pg';
import { createBriefings } from '../apps/briefings/src/bootstrap';
import { BriefingsEnv } from '../apps/briefings/src/briefings.env';
import { BriefingsWorld, hoursFromNow } from '../apps/briefings/test/briefings-fixtures';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
/** Reminders 8 s and 4 s before a session, so a whole officer's path fits in a test. */
const FIRST = 8;
const SECOND = 4;

/**
 * An officer's path across the four services: schedule a briefing, fill it, see the notices go out (signed webhooks,
 * in each person's language), move it, see the change notice and the reminders for the new time, cancel another,
 * take attendance.
 */
describe('briefings and their notices, end to end', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let webhook: WebhookReceiver;
  let geo: Geography;
  let world: BriefingsWorld;

  beforeAll(async () => {
    webhook = await WebhookReceiver.start({ secret: SECRET });
    rasad = await startRasad(
      'briefing_notices',
      {},
      { gateway: { RASAD_EVENT_CONSUMERS: 'briefings,notifier', RASAD_SERVICES: 'roster,briefings,notifier' } },
      {
        services: [
          (env) =>
            createBriefings(
              loadEnv(BriefingsEnv, { ...env, REMINDER_OFFSETS: `${FIRST},${SECOND}`, REMINDER_POLL_MS: '100' }),
            ),
          (env) =>
            createNotifier(
              loadEnv(NotifierEnv, {
                ...env,
                NOTIFY_CHANNEL: 'webhook',
                WEBHOOK_URL: webhook.url,
                WEBHOOK_ALLOW_HTTP: 'true',
                WEBHOOK_SECRET: SECRET,
                NOTIFY_POLL_MS: '100',
                NOTIFY_BACKOFF_MS: '100',
              }),
            ),
        ],
      },
    );
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    world = new BriefingsWorld(api, db);
    geo = await createGeography(api, 'FLOW');
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
    await webhook?.close();
  });

  /** Signed webhook deliveries of one kind for one person, in arrival order. */
  const delivered = (personnelId: string, kind: NoticeKind) =>
    webhook.deliveries.filter((d) => d.json.personnelId === personnelId && d.json.kind === kind);

  async function notices(personnelId: string): Promise<NotificationView[]> {
    const response = await api.get(`/api/v1/notifications?personnelId=${personnelId}&limit=100`);
    expect(response.status).toBe(200);
    return (response.body as { items: NotificationView[] }).items;
  }

  it('reports every service healthy', async () => {
    const health = await api.get('/health');
    expect(health.status).toBe(200);
    expect(Object.keys(health.body.info)).toEqual(
      expect.arrayContaining(['roster', 'briefings', 'notifier', 'postgres', 'nats']),
    );
  });

  it('schedules, fills, notifies in English and Urdu, reschedules with reminders for the new time, cancels, takes attendance', async () => {
    const asif = await createPersonnel(api, geo, { name: 'Asif Khan', language: 'en' });
    const nadia = await createPersonnel(api, geo, { name: 'Nadia Bibi', language: 'ur' });
    const people = [asif.id, nadia.id];
    const duties = [await world.duty(asif.id, geo.postId, 48), await world.duty(nadia.id, geo.postId, 50)];
    await world.projected(people, duties, [geo.postId]);
    // Each person hears of their duty first.
    await eventually(() => people.forEach((id) => expect(delivered(id, 'duty_posted')).toHaveLength(1)));

    // Schedule two briefings and fill both from the roster: earliest duty first.
    const kept = await world.session(geo.districtId, 0.25, { title: 'Code of conduct, Haripur' });
    const dropped = await world.session(geo.districtId, 1, { title: 'Security protocol, Ghazi' });
    const fill = await api.post(`/api/v1/briefings/${kept.id}/fill`, { selector: {} });
    expect(fill.status).toBe(200);
    expect(fill.body.invited.map((i: { personnelId: string }) => i.personnelId)).toEqual(people);
    const manual = await api.post(`/api/v1/briefings/${dropped.id}/invitations`, { personnelIds: people });
    expect(manual.status).toBe(201);

    // One signed invitation notice each, in their own language, with the local time.
    await eventually(() => people.forEach((id) => expect(delivered(id, 'briefing_invitation')).toHaveLength(2)));
    const [english] = delivered(asif.id, 'briefing_invitation');
    const [urdu] = delivered(nadia.id, 'briefing_invitation');
    expect(english.signed).toBe(true);
    expect(english.json.text).toContain('You are invited to briefing "Code of conduct, Haripur"');
    expect(english.json.text).toContain('Police Lines Hall, G.T. Road, Haripur');
    expect(urdu.signed).toBe(true);
    expect(urdu.json.language).toBe('ur');
    expect(urdu.json.text).toContain('بریفنگ');

    // Move the kept briefing to start in 20 s: a change notice, and reminders 8 s and 4 s before the new time.
    const startsAt = new Date(Date.now() + 20_000);
    const moved = await api.post(`/api/v1/briefings/${kept.id}/reschedule`, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      reason: 'Hall needed for ballot distribution',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ sequence: 1, seatsTaken: 2 });
    await eventually(() => people.forEach((id) => expect(delivered(id, 'briefing_rescheduled')).toHaveLength(1)));
    expect(delivered(asif.id, 'briefing_rescheduled')[0].json.text).toContain('moved from');

    // Cancel the other: a cancel notice each, and none of its reminders ever fires.
    const cancelled = await api.post(`/api/v1/briefings/${dropped.id}/cancel`, { reason: 'Presenter on leave' });
    expect(cancelled.status).toBe(200);
    await eventually(() => people.forEach((id) => expect(delivered(id, 'briefing_cancelled')).toHaveLength(1)));

    // Both reminders of the moved briefing reach each person once, and they come before it starts.
    await eventually(() => people.forEach((id) => expect(delivered(id, 'briefing_reminder')).toHaveLength(2)), {
      timeoutMs: 40_000,
    });
    for (const id of people) {
      const leads = delivered(id, 'briefing_reminder').map((d) => d.json.text as string);
      expect(leads.every((text) => !text.includes('Security protocol, Ghazi'))).toBe(true);
    }
    expect(delivered(asif.id, 'briefing_reminder')[0].json.text).toContain(
      'Rasad reminder: briefing "Code of conduct, Haripur"',
    );
    const { rows } = await db.query<{ status: string }>(
      `select distinct status from briefings.reminder where session_id = $1`,
      [dropped.id],
    );
    expect(rows.map((r) => r.status)).not.toContain('pending');

    // Once it has started, the roll call: Asif present and signs the code of conduct, Nadia excused.
    await eventually(() => expect(Date.now()).toBeGreaterThan(startsAt.getTime()), { timeoutMs: 30_000 });
    const roll = await api.post(`/api/v1/briefings/${kept.id}/attendance`, {
      entries: [
        { personnelId: asif.id, status: 'present', codeOfConductAcknowledged: true },
        { personnelId: nadia.id, status: 'excused' },
      ],
    });
    expect(roll.status).toBe(201);
    const topics = await api.get(`/api/v1/briefings/attended-topics?personnelId=${asif.id}`);
    expect(topics.body).toMatchObject({ topics: ['code_of_conduct', 'security_protocol'], missingRequiredTopics: [] });
    expect(topics.body.codeOfConductAcknowledgedAt).toEqual(expect.any(String));

    // The delivery log: every notice sent once, none twice, none failed.
    for (const id of people) {
      const log = await notices(id);
      expect(log.map((n) => n.kind).sort()).toEqual(
        [
          'briefing_cancelled',
          'briefing_invitation',
          'briefing_invitation',
          'briefing_reminder',
          'briefing_reminder',
          'briefing_rescheduled',
          'duty_posted',
        ].sort(),
      );
      expect(log.every((n) => n.status === 'sent' && n.attempts === 1 && n.channel === 'webhook')).toBe(true);
    }
    // The audit log names each step of the path.
    const audit = await api.get(`/api/v1/audit?entity=briefing&entityId=${kept.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((entry: { action: string }) => entry.action).sort()).toEqual(
      ['create', 'fill', 'reschedule', 'roll_call'].sort(),
    );
    const cancelledAudit = await api.get(`/api/v1/audit?entity=briefing&entityId=${dropped.id}`);
    expect(cancelledAudit.body.items.map((entry: { action: string }) => entry.action).sort()).toEqual(
      ['cancel', 'create', 'invite'].sort(),
    );
    expect(webhook.duplicates).toHaveLength(0);
    expect(webhook.requests.every((r) => r.signed === true)).toBe(true);
  }, 120_000);

  it('keeps each notice to its own event: the delivery log filters by status and time', async () => {
    const since = hoursFromNow(-1);
    const sent = await api.get(`/api/v1/notifications?status=sent&since=${encodeURIComponent(since)}&limit=500`);
    expect(sent.status).toBe(200);
    const ids = (sent.body.items as NotificationView[]).map((n) => `${n.eventId}/${n.personnelId}/${n.channel}`);
    expect(new Set(ids).size).toBe(ids.length);
    const failed = await api.get('/api/v1/notifications?status=failed');
    expect(failed.body.items).toEqual([]);
  });
});
