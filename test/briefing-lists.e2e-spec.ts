import { loadEnv } from '@rasad/common';
import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { Geography, TestApi, createGeography, createPersonnel, eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { createBriefings } from '../apps/briefings/src/bootstrap';
import { BriefingsEnv } from '../apps/briefings/src/briefings.env';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';

const HOUR = 3600_000;
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

type Person = { id: string; name: string; rank: string; serviceNumber: string; phone: string };
type Listed = { id: string } & Record<string, any>;

/**
 * Issue 19 item 7 for briefings, the delivery log and dead letters: each list in its natural order, sortable, with
 * its total, several values in one filter, cancelled records only when asked, the person embedded, and as CSV.
 */
describe('briefings, notices and dead letters: lists a person can read', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let geo: Geography;
  const people = {} as Record<'zafar' | 'asma' | 'kamran' | 'bilal', Person>;
  const sessions = {} as Record<'held' | 'soon' | 'cancelled' | 'later', string>;
  const invitations = {} as Record<keyof typeof people, string>;

  const ids = (page: { items: Listed[] }) => page.items.map((item) => item.id);
  const names = (page: { items: Listed[] }) => page.items.map((item) => item.personnel.name as string);
  const rowsOf = (csv: string) => parse<Record<string, string>>(csv.replace(/^\ufeff/, ''), { columns: true });

  async function listed(path: string) {
    const response = await api.get(path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return response.body as { items: Listed[]; nextCursor: string | null; total: number };
  }

  /** Every page in turn, `limit` at a time. */
  async function walked(path: string, limit: number): Promise<Listed[]> {
    const items: Listed[] = [];
    let cursor: string | null = null;
    do {
      const page = await listed(
        `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  async function session(title: string, startsInHours: number, venue: string): Promise<string> {
    const created = await api.post('/api/v1/briefings', {
      title,
      topics: ['code_of_conduct', 'security_protocol'],
      venue: { name: venue, address: 'G.T. Road, Haripur', capacity: 10 },
      startsAt: hoursFromNow(startsInHours),
      endsAt: hoursFromNow(startsInHours + 2),
      presenter: 'DSP Legal',
      districtId: geo.districtId,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function rollCall(entries: Record<string, unknown>[]) {
    const answer = await api.post(`/api/v1/briefings/${sessions.held}/attendance`, { entries });
    expect(answer.status).toBe(201);
  }

  beforeAll(async () => {
    rasad = await startRasad(
      'briefing_lists',
      {},
      { gateway: { RASAD_EVENT_CONSUMERS: 'briefings,notifier', RASAD_SERVICES: 'roster,briefings,notifier' } },
      {
        services: [
          (env) => createBriefings(loadEnv(BriefingsEnv, env)),
          // A webhook nobody answers, tried once: a person who chose it has failed notices beside the others' sent ones.
          (env) =>
            createNotifier(
              loadEnv(NotifierEnv, {
                ...env,
                NOTIFY_POLL_MS: '100',
                NOTIFY_MAX_ATTEMPTS: '1',
                WEBHOOK_ALLOW_HTTP: 'true',
                WEBHOOK_URL: 'http://127.0.0.1:9/rasad',
                WEBHOOK_SECRET: 'a-webhook-secret-of-at-least-32-characters',
              }),
            ),
        ],
      },
    );
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    geo = await createGeography(api, 'BLS');
    // Created out of alphabetical order, so creation order would give a different list.
    people.zafar = (await createPersonnel(api, geo, { name: 'Zafar Iqbal', rank: 'constable' })) as Person;
    people.asma = (await createPersonnel(api, geo, { name: 'Asma Bibi', rank: 'asi' })) as Person;
    people.kamran = (await createPersonnel(api, geo, { name: 'Kamran Ali', rank: 'inspector' })) as Person;
    people.bilal = (await createPersonnel(api, geo, { name: 'Bilal Khan', rank: 'head_constable' })) as Person;
    const everyone = Object.values(people).map((p) => p.id);
    await eventually(
      async () => {
        const { rows } = await db.query<{ briefings: number; notifier: number }>(
          `select (select count(*)::int from briefings.personnel where id = any($1)) as briefings,
                  (select count(*)::int from notifier.personnel where id = any($1)) as notifier`,
          [everyone],
        );
        expect(rows[0]).toEqual({ briefings: 4, notifier: 4 });
      },
      { timeoutMs: 20_000 },
    );
    expect(
      (await api.request('PUT', `/api/v1/notifications/channels/${people.zafar.id}`, { channel: 'webhook' })).status,
    ).toBe(200);

    // Created out of start order.
    sessions.later = await session('Security protocol, Khanpur', 50, 'Alpha Hall');
    sessions.soon = await session('Code of conduct, Haripur', 30, 'Zarghoon Hall');
    sessions.cancelled = await session('Code of conduct, Ghazi', 40, 'Police Lines Hall');
    expect(
      (await api.post(`/api/v1/briefings/${sessions.cancelled}/cancel`, { reason: 'Presenter on leave' })).status,
    ).toBe(200);
    sessions.held = await session('Code of conduct, Police Lines', 20, 'Municipal Hall');
    await db.query(
      `update briefings.session set starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour'
       where id = $1`,
      [sessions.held],
    );
    expect((await api.post(`/api/v1/briefings/${sessions.held}/complete`)).status).toBe(200);

    const invited = await api.post(`/api/v1/briefings/${sessions.soon}/invitations`, { personnelIds: everyone });
    expect(invited.status).toBe(201);
    for (const invitation of invited.body as { id: string; personnelId: string }[]) {
      const [key] = Object.entries(people).find(([, p]) => p.id === invitation.personnelId)!;
      invitations[key as keyof typeof people] = invitation.id;
    }
    const answer = (who: keyof typeof people, status: string) =>
      api.patch(`/api/v1/briefings/${sessions.soon}/invitations/${invitations[who]}`, { status, reason: 'On leave' });
    expect((await answer('kamran', 'declined')).status).toBe(200);
    expect((await answer('bilal', 'cancelled')).status).toBe(200);

    // Roll calls one after another, as people walk in: Zafar first, Asma and Kamran together, Bilal last.
    await rollCall([{ personnelId: people.zafar.id, status: 'present', codeOfConductAcknowledged: true }]);
    await rollCall([
      { personnelId: people.asma.id, status: 'present', codeOfConductAcknowledged: true },
      { serviceNumber: people.kamran.serviceNumber, status: 'excused' },
    ]);
    await rollCall([{ personnelId: people.bilal.id, status: 'absent' }]);
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  describe('sessions', () => {
    const path = (query = '') => `/api/v1/briefings?districtId=${geo.districtId}&${query}`;

    it('lists sessions soonest first with their total, a cancelled one left out', async () => {
      const page = await listed(path());
      expect(ids(page)).toEqual([sessions.held, sessions.soon, sessions.later]);
      expect(page.total).toBe(3);
    });

    it('sorts by start backwards, by venue or title, and pages in that order', async () => {
      const backwards = await walked(path('sort=-startsAt'), 2);
      expect(backwards.map((s) => s.id)).toEqual([sessions.later, sessions.soon, sessions.held]);
      expect(ids(await listed(path('sort=venue')))).toEqual([sessions.later, sessions.held, sessions.soon]);
      expect((await listed(path('sort=-title'))).items.map((s) => s.title)).toEqual([
        'Security protocol, Khanpur',
        'Code of conduct, Police Lines',
        'Code of conduct, Haripur',
      ]);
      const refused = await api.get(path('sort=presenter'));
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].field).toBe('sort');
    });

    it('shows a cancelled session when asked, and takes several statuses in one filter', async () => {
      const all = await listed(path('includeCancelled=true'));
      expect(ids(all)).toEqual([sessions.held, sessions.soon, sessions.cancelled, sessions.later]);
      expect(all.total).toBe(4);
      expect(ids(await listed(path('status=cancelled')))).toEqual([sessions.cancelled]);
      const some = await listed(path('status=scheduled,cancelled'));
      expect(ids(some)).toEqual([sessions.soon, sessions.cancelled, sessions.later]);
      expect(some.total).toBe(3);
      expect(ids(await listed(path('status=completed&status=scheduled')))).toEqual([
        sessions.held,
        sessions.soon,
        sessions.later,
      ]);
      const refused = await api.get(path('status=scheduled,postponed'));
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].field).toBe('status');
    });

    it('exports sessions as CSV with the venue flattened and topics joined', async () => {
      const response = await api.get(path('format=csv'));
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const rows = rowsOf(response.body as string);
      expect(rows.map((row) => row.id)).toEqual([sessions.held, sessions.soon, sessions.later]);
      expect(rows[1]).toMatchObject({
        title: 'Code of conduct, Haripur',
        'venue.name': 'Zarghoon Hall',
        'venue.capacity': '10',
        topics: 'code_of_conduct;security_protocol',
        status: 'scheduled',
      });
      expect(rows[1].startsAt).toMatch(/\+05:00$/);
    });
  });

  describe("a session's invitations", () => {
    const path = (query = '') => `/api/v1/briefings/${sessions.soon}/invitations?${query}`;

    it('lists invitations by name, each with the name, rank and service number of the person', async () => {
      const page = await listed(path());
      expect(names(page)).toEqual(['Asma Bibi', 'Kamran Ali', 'Zafar Iqbal']);
      expect(page.total).toBe(3);
      expect(page.items[0]).toMatchObject({
        id: invitations.asma,
        personnelId: people.asma.id,
        status: 'invited',
        personnel: { name: 'Asma Bibi', rank: 'asi', serviceNumber: people.asma.serviceNumber },
      });
      expect(page.items[1]).toMatchObject({ status: 'declined', personnel: { rank: 'inspector' } });
    });

    it('sorts by name backwards and pages in that order', async () => {
      const backwards = await walked(path('sort=-name'), 2);
      expect(backwards.map((i) => i.personnel.name)).toEqual(['Zafar Iqbal', 'Kamran Ali', 'Asma Bibi']);
      expect((await api.get(path('sort=rank'))).status).toBe(400);
    });

    it('shows a cancelled invitation when asked, and takes several statuses in one filter', async () => {
      const all = await listed(path('includeCancelled=true'));
      expect(names(all)).toEqual(['Asma Bibi', 'Bilal Khan', 'Kamran Ali', 'Zafar Iqbal']);
      expect(all.total).toBe(4);
      const away = await listed(path('status=declined,cancelled'));
      expect(names(away)).toEqual(['Bilal Khan', 'Kamran Ali']);
      expect(away.total).toBe(2);
      expect(names(await listed(path('status=invited')))).toEqual(['Asma Bibi', 'Zafar Iqbal']);
      expect((await api.get(path('status=invited,maybe'))).status).toBe(400);
    });

    it('exports invitations as CSV with the person flattened', async () => {
      const response = await api.request('GET', path('includeCancelled=true'), undefined, { accept: 'text/csv' });
      expect(response.status).toBe(200);
      const rows = rowsOf(response.body as string);
      expect(rows.map((row) => row['personnel.name'])).toEqual([
        'Asma Bibi',
        'Bilal Khan',
        'Kamran Ali',
        'Zafar Iqbal',
      ]);
      expect(rows[1]).toMatchObject({
        'personnel.rank': 'head_constable',
        'personnel.serviceNumber': people.bilal.serviceNumber,
        status: 'cancelled',
        statusReason: 'On leave',
      });
    });
  });

  describe("a session's roll call", () => {
    const path = (query = '') => `/api/v1/briefings/${sessions.held}/attendance?${query}`;

    it('lists the roll call in the order people were marked, each named, with the time and acknowledgement', async () => {
      const page = await listed(path());
      expect(page.total).toBe(4);
      const order = names(page);
      expect(order[0]).toBe('Zafar Iqbal');
      expect(order.slice(1, 3).sort()).toEqual(['Asma Bibi', 'Kamran Ali']);
      expect(order[3]).toBe('Bilal Khan');
      const recorded = page.items.map((entry) => Date.parse(entry.recordedAt as string));
      expect([...recorded].sort((x, y) => x - y)).toEqual(recorded);
      expect(page.items[0]).toMatchObject({
        sessionId: sessions.held,
        personnelId: people.zafar.id,
        status: 'present',
        personnel: { name: 'Zafar Iqbal', rank: 'constable', serviceNumber: people.zafar.serviceNumber },
      });
      expect(page.items[0].codeOfConductAcknowledgedAt).toMatch(/\+05:00$/);
      expect(page.items[3]).toMatchObject({ status: 'absent', codeOfConductAcknowledgedAt: null });
      expect((await walked(path(), 1)).map((entry) => entry.personnelId)).toEqual(
        page.items.map((entry) => entry.personnelId),
      );
    });

    it('sorts by name and takes several statuses in one filter', async () => {
      expect(names(await listed(path('sort=name')))).toEqual(['Asma Bibi', 'Bilal Khan', 'Kamran Ali', 'Zafar Iqbal']);
      const there = await listed(path('status=present,excused&sort=-name'));
      expect(names(there)).toEqual(['Zafar Iqbal', 'Kamran Ali', 'Asma Bibi']);
      expect(there.total).toBe(3);
      expect((await api.get(path('status=late'))).status).toBe(400);
    });

    it('exports the roll call as CSV with the person flattened and local times', async () => {
      const rows = rowsOf((await api.get(path('format=csv&sort=name'))).body as string);
      expect(rows.map((row) => row['personnel.name'])).toEqual([
        'Asma Bibi',
        'Bilal Khan',
        'Kamran Ali',
        'Zafar Iqbal',
      ]);
      expect(rows[2]).toMatchObject({ status: 'excused', 'personnel.serviceNumber': people.kamran.serviceNumber });
      expect(rows[0].recordedAt).toMatch(/\+05:00$/);
    });
  });

  describe('the delivery log', () => {
    const path = (query = '') => `/api/v1/notifications?${query}`;

    /** Zafar's notices go to the webhook nobody answers; the others' to the log. */
    beforeAll(async () => {
      await eventually(
        async () => {
          const page = await listed(path('limit=500'));
          // An invitation each, and Bilal's withdrawn one; Kamran declined himself, which is not news to him.
          expect(page.items.filter((n) => n.kind === 'briefing_invitation')).toHaveLength(4);
          expect(page.items.filter((n) => n.kind === 'briefing_invitation_cancelled')).toHaveLength(1);
          expect(page.items.filter((n) => n.status === 'pending')).toEqual([]);
        },
        { timeoutMs: 30_000 },
      );
    });

    it('lists notices newest first with their total, each naming the person', async () => {
      const page = await listed(path('limit=500'));
      const created = page.items.map((n) => Date.parse(n.createdAt as string));
      expect([...created].sort((x, y) => y - x)).toEqual(created);
      expect(page.total).toBe(page.items.length);
      expect(page.items.find((n) => n.kind === 'briefing_invitation_cancelled')).toMatchObject({
        personnelId: people.bilal.id,
        personnel: { name: 'Bilal Khan', rank: 'head_constable', serviceNumber: people.bilal.serviceNumber },
      });
      expect(JSON.stringify(page)).not.toContain(people.bilal.phone.slice(-7));
      const oldestFirst = await walked(path('sort=createdAt'), 2);
      expect(oldestFirst.map((n) => n.id)).toEqual(ids(page).reverse());
      expect(names(await listed(path('sort=name&limit=500')))).toEqual(
        [...names(page)].sort((x, y) => x.localeCompare(y)),
      );
    });

    it('takes several statuses or channels in one filter', async () => {
      const failed = await listed(path('status=failed,pending'));
      expect(failed.items.map((n) => n.personnelId)).toEqual([people.zafar.id]);
      expect(failed.items[0]).toMatchObject({ channel: 'webhook', status: 'failed' });
      expect(failed.total).toBe(1);
      expect((await listed(path('status=sent,failed'))).total).toBe((await listed(path())).total);
      const byChannel = await listed(path('channel=webhook,sms'));
      expect(ids(byChannel)).toEqual(ids(failed));
      expect((await listed(path('channel=log'))).items.every((n) => n.status === 'sent')).toBe(true);
      for (const query of ['status=sent,lost', 'channel=pigeon', 'sort=body']) {
        expect({ query, status: (await api.get(path(query))).status }).toEqual({ query, status: 400 });
      }
    });

    it('exports the log as CSV with the person flattened and no phone', async () => {
      const response = await api.get(path(`personnelId=${people.asma.id}&format=csv`));
      const rows = rowsOf(response.body as string);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        kind: 'briefing_invitation',
        'personnel.name': 'Asma Bibi',
        'personnel.rank': 'asi',
        'personnel.serviceNumber': people.asma.serviceNumber,
      });
      expect(Object.keys(rows[0]).some((column) => /phone/i.test(column))).toBe(false);
    });
  });

  describe('dead letters', () => {
    const letters = {} as Record<'briefingsOld' | 'briefingsNew' | 'notifier' | 'replayed', string>;

    beforeAll(async () => {
      const insert = async (schema: string, hoursAgo: number, replayed = false) => {
        const id = uuidv7();
        const eventId = uuidv7();
        const envelope = { id: eventId, type: 'evt.roster.post.updated.v1', payload: { id: uuidv7() } };
        await db.query(
          `insert into ${schema}.dead_letter (id, event_id, subject, envelope, error, deliveries, failed_at, replayed_at)
           values ($1, $2, $3, $4, 'no such post', 5, now() - make_interval(hours => $5),
             case when $6 then now() end)`,
          [id, eventId, envelope.type, JSON.stringify(envelope), hoursAgo, replayed],
        );
        return id;
      };
      // Made out of age order, so creation order would give a different list.
      letters.briefingsOld = await insert('briefings', 3);
      letters.notifier = await insert('notifier', 2);
      letters.briefingsNew = await insert('briefings', 1);
      letters.replayed = await insert('notifier', 0, true);
    });

    it('lists one service’s dead letters newest first with their total, by cursor', async () => {
      const first = await listed('/api/v1/dead-letters?service=briefings&limit=1');
      expect(ids(first)).toEqual([letters.briefingsNew]);
      expect(first.total).toBe(2);
      const rest = await listed(`/api/v1/dead-letters?service=briefings&limit=1&cursor=${first.nextCursor}`);
      expect(ids(rest)).toEqual([letters.briefingsOld]);
      expect(rest.nextCursor).toBeNull();
      expect(ids(await listed('/api/v1/dead-letters?service=briefings&sort=failedAt'))).toEqual([
        letters.briefingsOld,
        letters.briefingsNew,
      ]);
    });

    it('merges every service’s newest first, with the total of all, by cursor, replayed ones only when asked', async () => {
      const all = await listed('/api/v1/dead-letters');
      expect(ids(all)).toEqual([letters.briefingsNew, letters.notifier, letters.briefingsOld]);
      expect(all.total).toBe(3);
      expect(all.nextCursor).toBeNull();
      for (const limit of [1, 2]) {
        const walkedAll = await walked('/api/v1/dead-letters', limit);
        expect({ limit, ids: walkedAll.map((letter) => letter.id) }).toEqual({ limit, ids: ids(all) });
      }
      const oldestFirst = await walked('/api/v1/dead-letters?sort=failedAt', 1);
      expect(oldestFirst.map((letter) => letter.id)).toEqual(ids(all).reverse());
      const withReplayed = await listed('/api/v1/dead-letters?includeReplayed=true');
      expect(ids(withReplayed)).toEqual([letters.replayed, ...ids(all)]);
      expect(withReplayed.total).toBe(4);
      const first = await listed('/api/v1/dead-letters?limit=2');
      expect(first.total).toBe(3);
      const otherSort = await api.get(`/api/v1/dead-letters?limit=2&sort=failedAt&cursor=${first.nextCursor}`);
      expect(otherSort.status).toBe(400);
      expect(otherSort.body.errors[0].field).toBe('cursor');
      const foreign = Buffer.from(JSON.stringify({ s: '-failedAt', i: uuidv7() })).toString('base64url');
      expect((await api.get(`/api/v1/dead-letters?cursor=${foreign}`)).status).toBe(400);
    });

    it('exports dead letters as CSV, every service’s', async () => {
      const rows = rowsOf((await api.get('/api/v1/dead-letters?format=csv')).body as string);
      expect(rows.map((row) => row.id)).toEqual([letters.briefingsNew, letters.notifier, letters.briefingsOld]);
      expect(rows[1]).toMatchObject({ service: 'notifier', 'envelope.type': 'evt.roster.post.updated.v1' });
      const notifier = rowsOf((await api.get('/api/v1/dead-letters?service=notifier&format=csv')).body as string);
      expect(notifier.map((row) => row.id)).toEqual([letters.notifier]);
      expect(notifier[0]).toMatchObject({
        service: 'notifier',
        subject: 'evt.roster.post.updated.v1',
        error: 'no such post',
      });
    });
  });
});
