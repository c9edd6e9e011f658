import { loadEnv } from '@rasad/common';
import { ALL_DISTRICTS, EventSubject, Headers, ReadinessRollupView, ReadinessSubjects } from '@rasad/contracts';
import { Geography, TestApi, createGeography, createPersonnel, createUser, eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { JSONCodec, NatsConnection, connect, headers as natsHeaders } from 'nats';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { createReadiness } from '../src/bootstrap';
import { ReadinessEnv } from '../src/readiness.env';

const HOUR = 3600_000;
const codec = JSONCodec();

/** The caller's districts as the gateway sends them: `*` for every district, none without the header. */
function scopeHeaders(scope: string) {
  const headers = natsHeaders();
  if (scope) {
    headers.set(Headers.scope, scope);
  }
  return headers;
}

/** A local date some days ahead in Pakistan, and its day before. */
function localDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 24 * HOUR).toLocaleDateString('en-CA', { timeZone: 'Asia/Karachi' });
}

interface Missing {
  check: string;
  code: string;
  text: string;
}

interface Verdict {
  colour: string;
  checks: Record<string, boolean>;
  missing: Missing[];
}

/**
 * Readiness through the gateway: the roster's duties come from its API, and briefings', meals', transport's and
 * lodging's reports are published on the suite's own broker as their relays publish them (their envelopes, their
 * payload classes), so each check turns as its service supplies its part.
 */
describe('readiness', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let nc: NatsConnection;
  let haripur: Geography;
  let abbottabad: Geography;

  const publish = async (subject: EventSubject, aggregateId: string, payload: object) => {
    const envelope = {
      id: uuidv7(),
      type: subject,
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: subject.split('.')[1],
      correlationId: null,
      aggregateId,
      payload,
    };
    await nc.jetstream().publish(subject, codec.encode(envelope), { msgID: envelope.id });
  };

  const verdictOf = async (id: string, at?: string): Promise<Verdict & { status: number }> => {
    const query = at ? `?at=${encodeURIComponent(at)}` : '';
    const response = await api.get(`/api/v1/readiness/assignments/${id}${query}`);
    return { status: response.status, ...response.body };
  };

  const until = (id: string, expectation: (verdict: Verdict) => void) =>
    eventually(
      async () => {
        const verdict = await verdictOf(id);
        expect(verdict.status).toBe(200);
        expectation(verdict);
        return verdict;
      },
      { timeoutMs: 20_000 },
    );

  const codes = (verdict: Verdict) => verdict.missing.map((item) => item.code);

  async function duty(personnelId: string, postId: string, startsAt: string, endsAt: string): Promise<string> {
    const response = await api.post('/api/v1/assignments', {
      personnelId,
      postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt,
      endsAt,
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  beforeAll(async () => {
    rasad = await startRasad(
      'readiness',
      {},
      { gateway: { RASAD_SERVICES: 'roster,readiness', RASAD_EVENT_CONSUMERS: 'readiness' } },
      { services: [(env) => createReadiness(loadEnv(ReadinessEnv, env))] },
    );
    api = rasad.api;
    nc = await connect({ servers: rasad.broker!.url });
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    haripur = await createGeography(api, 'RDH');
    abbottabad = await createGeography(api, 'RDA');
  });

  afterAll(async () => {
    await nc?.close();
    await db?.end();
    await rasad?.stop();
  });

  it('turns a duty green as each service supplies its part, red again when a reposting breaks one, and keeps the history', async () => {
    // From Abbottabad, on duty in Haripur three days ahead from 06:00: needs a bed the night before, breakfast,
    // both briefings, a ride there by 05:30 and back after 12:00.
    const day = localDate(3);
    const night = localDate(2);
    const startsAt = `${day}T06:00:00+05:00`;
    const endsAt = `${day}T12:00:00+05:00`;
    const person = (await createPersonnel(api, haripur, { homeDistrictId: abbottabad.districtId })).id;
    const id = await duty(person, haripur.postId, startsAt, endsAt);

    const first = await until(id, (v) =>
      expect(v.checks).toEqual({ briefed: false, transported: false, lodged: false, fed: false }),
    );
    expect(first.colour).toBe('amber');
    expect(codes(first).sort()).toEqual(
      [
        'briefed.code_of_conduct_acknowledged',
        'briefed.topic:code_of_conduct',
        'briefed.topic:security_protocol',
        `fed.no_plan:${day}:breakfast`,
        `lodged.night:${night}`,
        `transported.outbound:${new Date(Date.parse(startsAt) - HOUR / 2).toISOString()}`,
        `transported.return:${new Date(endsAt).toISOString()}`,
      ].sort(),
    );
    expect(first.missing.find((m) => m.check === 'transported' && m.code.includes('outbound'))?.text).toMatch(
      /^no outbound leg to RDH-P1 arriving by 05:30 on \d+ \w{3}$/,
    );
    const beforeAll = new Date().toISOString();

    const yesterday = new Date(Date.now() - 24 * HOUR).toISOString();
    await publish('evt.briefings.attendance.recorded.v1', uuidv7(), {
      sessionId: uuidv7(),
      districtId: haripur.districtId,
      topics: ['code_of_conduct', 'security_protocol'],
      endsAt: yesterday,
      entries: [{ personnelId: person, status: 'present', codeOfConductAcknowledgedAt: yesterday }],
    });
    await until(id, (v) => expect(v.checks.briefed).toBe(true));

    const planId = uuidv7();
    await publish('evt.meals.plan.planned.v1', planId, {
      id: planId,
      districtId: haripur.districtId,
      tehsilId: haripur.tehsilId,
      postId: haripur.postId,
      postCode: 'RDH-P1',
      postName: 'Polling station RDH',
      date: day,
      slot: 'breakfast',
      slotStartsAt: `${day}T07:00:00+05:00`,
      kitchenId: uuidv7(),
      kitchenName: 'Police Lines mess',
      count: 1,
      dietary: { vegetarian: 0, diabetic: 0, no_gluten: 0, other: 0 },
      status: 'planned',
      dispatchedAt: null,
      dispatchedBy: null,
      deliveredAt: null,
      receivedBy: null,
      servedCount: null,
    });
    await until(id, (v) => expect(v.checks.fed).toBe(true));

    const tripId = uuidv7();
    const booking = (leg: 'outbound' | 'return', stopAt: number) => ({
      entryId: uuidv7(),
      tripId,
      personnelId: person,
      dutyId: id,
      postId: haripur.postId,
      leg,
      legAt:
        leg === 'outbound' ? new Date(Date.parse(startsAt) - HOUR / 2).toISOString() : new Date(endsAt).toISOString(),
      stopArrivesAt: new Date(stopAt).toISOString(),
      stopDepartsAt: new Date(stopAt + 5 * 60_000).toISOString(),
      pickupPointId: uuidv7(),
      tripStartsAt: new Date(stopAt - HOUR).toISOString(),
    });
    await publish('evt.transport.manifest.booked.v1', tripId, booking('outbound', Date.parse(startsAt) - HOUR));
    await publish('evt.transport.manifest.booked.v1', tripId, booking('return', Date.parse(endsAt) + 5 * 60_000));
    await until(id, (v) => expect(v.checks.transported).toBe(true));

    const allocationId = uuidv7();
    await publish('evt.lodging.allocation.created.v1', allocationId, {
      id: allocationId,
      personnelId: person,
      districtId: haripur.districtId,
      siteId: uuidv7(),
      siteName: 'Rest house',
      address: 'GT Road',
      roomName: 'Hall A',
      bedLabel: 'B1',
      nights: [night],
    });
    const green = await until(id, (v) => expect(v.colour).toBe('green'));
    expect(green.missing).toEqual([]);
    const whileGreen = new Date().toISOString();

    // Reposted to another post: no breakfast plan there, and the rides go to the old one.
    const other = await api.post('/api/v1/posts', {
      code: 'RDH-P2',
      name: 'Polling station RDH 2',
      kind: 'polling_station',
      category: 'B',
      policeStationId: haripur.policeStationId,
    });
    expect(other.status).toBe(201);
    const reposted = await api.request('PATCH', `/api/v1/assignments/${id}`, { postId: other.body.id, reason: 'swap' });
    expect(reposted.status).toBe(200);
    const broken = await until(id, (v) =>
      expect(v.checks).toEqual({ briefed: true, transported: false, lodged: true, fed: false }),
    );
    expect(broken.colour).toBe('amber');
    expect(broken.missing.find((m) => m.check === 'fed')?.text).toMatch(/^no breakfast plan on \d+ \w{3} at RDH-P2$/);

    // As of earlier times, exactly as it stood then.
    expect((await verdictOf(id, whileGreen)).colour).toBe('green');
    const atFirst = await verdictOf(id, beforeAll);
    expect(atFirst.checks).toEqual({ briefed: false, transported: false, lodged: false, fed: false });

    // Every change of what was missing went out through the outbox.
    const { rows } = await db.query<{ payload: { missing: Missing[]; checks: Record<string, boolean> } }>(
      `select envelope->'payload' as payload from readiness.outbox
       where subject = 'evt.readiness.verdict.changed.v1' and aggregate_id = $1 order by id`,
      [id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.some((row) => row.payload.missing.length === 0)).toBe(true);
    expect(rows.at(-1)!.payload.checks).toEqual({ briefed: true, transported: false, lodged: true, fed: false });
  });

  it('counts a short meal plan against those posted last', async () => {
    const day = localDate(4);
    const window = [`${day}T18:00:00+05:00`, `${day}T21:00:00+05:00`] as const;
    const code = 'RDH-P3';
    const post = await api.post('/api/v1/posts', {
      code,
      name: 'Polling station RDH 3',
      kind: 'polling_station',
      category: 'B',
      policeStationId: haripur.policeStationId,
    });
    const people = [];
    for (let i = 0; i < 3; i++) {
      const person = (await createPersonnel(api, haripur)).id;
      people.push({ person, duty: await duty(person, post.body.id, ...window) });
    }
    await until(people[2].duty, (v) => expect(codes(v)).toContain(`fed.no_plan:${day}:dinner`));
    const planId = uuidv7();
    await publish('evt.meals.plan.planned.v1', planId, {
      id: planId,
      districtId: haripur.districtId,
      tehsilId: haripur.tehsilId,
      postId: post.body.id,
      postCode: code,
      postName: 'Polling station RDH 3',
      date: day,
      slot: 'dinner',
      slotStartsAt: `${day}T19:30:00+05:00`,
      kitchenId: uuidv7(),
      kitchenName: 'Police Lines mess',
      count: 2,
      dietary: {},
      status: 'planned',
      dispatchedAt: null,
      dispatchedBy: null,
      deliveredAt: null,
      receivedBy: null,
      servedCount: null,
    });
    const last = await until(people[2].duty, (v) => expect(codes(v)).toContain(`fed.short:${day}:dinner`));
    expect(last.missing.find((m) => m.code.startsWith('fed.'))?.text).toMatch(
      /^no dinner counted for you on \d+ \w{3} at RDH-P3: plan for 2, 3 posted$/,
    );
    for (const { duty: earlier } of people.slice(0, 2)) {
      expect((await verdictOf(earlier)).checks.fed).toBe(true);
    }
  });

  it('is red when something is missing less than a day before the start, and rolls up so the parts add up', async () => {
    // From an Abbottabad unit: the roll-up by unit names it too.
    const person = (await createPersonnel(api, abbottabad)).id;
    const soon = await duty(
      person,
      haripur.postId,
      new Date(Date.now() + 2 * HOUR).toISOString(),
      new Date(Date.now() + 5 * HOUR).toISOString(),
    );
    await until(soon, (v) => expect(v.colour).toBe('red'));

    const summary = await eventually(async () => {
      const response = await api.get(`/api/v1/readiness/summary?districtId=${haripur.districtId}`);
      expect(response.status).toBe(200);
      expect(response.body.totals.assignments).toBe(5);
      return response.body;
    });
    const { totals } = summary;
    expect(totals.green + totals.amber + totals.red).toBe(totals.assignments);
    expect(totals.red).toBeGreaterThanOrEqual(1);
    for (const rollup of ['byTehsil', 'byPoliceStation', 'byUnit', 'byPhase']) {
      const rows = summary[rollup] as { assignments: number; red: number; checks: { fed: { ok: number } } }[];
      expect(rows.reduce((sum, row) => sum + row.assignments, 0)).toBe(totals.assignments);
      expect(rows.reduce((sum, row) => sum + row.red, 0)).toBe(totals.red);
      expect(rows.reduce((sum, row) => sum + row.checks.fed.ok, 0)).toBe(summary.checks.fed.ok);
    }
    expect(summary.byTehsil[0].name).toBe('Tehsil RDH');
    expect(summary.byUnit.map((u: { name: string }) => u.name).sort()).toEqual(['Unit RDA', 'Unit RDH']);
    expect(summary.byPoliceStation[0].name).toBe('Station RDH');
    const services = Object.fromEntries(summary.freshness.map((f: { service: string }) => [f.service, f])) as Record<
      string,
      { lastEventAt: string | null; behindEvents: number }
    >;
    expect(Object.keys(services).sort()).toEqual(['briefings', 'lodging', 'meals', 'roster', 'transport']);
    expect(services.roster.lastEventAt).not.toBeNull();
    expect(services.briefings.lastEventAt).not.toBeNull();
    expect(services.roster.behindEvents).toBe(0);

    const posts = await api.get(`/api/v1/readiness/posts?districtId=${haripur.districtId}&colour=red`);
    expect(posts.status).toBe(200);
    expect(posts.body.items.map((p: { code: string }) => p.code)).toEqual(['RDH-P1']);

    const gaps = await api.get(`/api/v1/readiness/gaps?districtId=${haripur.districtId}&check=briefed`);
    expect(gaps.status).toBe(200);
    expect(gaps.body.total).toBe(gaps.body.items.length);
    const starts = gaps.body.items.map((g: { startsAt: string }) => Date.parse(g.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(gaps.body.items[0].assignmentId).toBe(soon);

    const csv = await api.get(`/api/v1/readiness/gaps?districtId=${haripur.districtId}&colour=red&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(String(csv.body)).toContain(soon);
  });

  it("rolls every district in the caller's scope up by district, as their summaries add up", async () => {
    const rollup = async (scope: string) => {
      const packet = { pattern: ReadinessSubjects.rollup, data: {}, id: uuidv7() };
      const reply = await nc.request(ReadinessSubjects.rollup, codec.encode(packet), {
        timeout: 10_000,
        headers: scopeHeaders(scope),
      });
      return (codec.decode(reply.data) as { response: ReadinessRollupView }).response;
    };
    // A district of its own: the other tests count Abbottabad's duties.
    const nowshera = await createGeography(api, 'RDN');
    const person = (await createPersonnel(api, nowshera)).id;
    const there = await duty(
      person,
      nowshera.postId,
      `${localDate(4)}T08:00:00+05:00`,
      `${localDate(4)}T16:00:00+05:00`,
    );
    await until(there, (v) => expect(v.colour).toBe('amber'));

    const summaries = await Promise.all(
      [haripur, nowshera].map(
        async (g) => (await api.get(`/api/v1/readiness/summary?districtId=${g.districtId}`)).body,
      ),
    );
    const national = await rollup(ALL_DISTRICTS);
    const byDistrict = new Map(national.byDistrict.map((d) => [d.districtId, d]));
    for (const summary of summaries) {
      expect(byDistrict.get(summary.districtId)).toMatchObject({
        assignments: summary.totals.assignments,
        green: summary.totals.green,
        amber: summary.totals.amber,
        red: summary.totals.red,
        checks: summary.checks,
      });
    }
    for (const rows of [national.byDistrict, national.byUnit, national.byPhase]) {
      expect(rows.reduce((sum, row) => sum + row.assignments, 0)).toBe(national.totals.assignments);
    }
    expect(national.freshness.map((f) => f.service).sort()).toEqual([
      'briefings',
      'lodging',
      'meals',
      'roster',
      'transport',
    ]);

    const theirs = await rollup(nowshera.districtId);
    expect(theirs.byDistrict.map((d) => d.districtId)).toEqual([nowshera.districtId]);
    expect(theirs.totals).toEqual({ ...summaries[1].totals });
    expect((await rollup('')).totals.assignments).toBe(0);
  });

  it("answers bad input with a 400 naming the field, and shows another district's officer nothing", async () => {
    const future = new Date(Date.now() + HOUR).toISOString();
    const early = await api.get(
      `/api/v1/readiness/summary?districtId=${haripur.districtId}&at=${encodeURIComponent(future)}`,
    );
    expect(early.status).toBe(400);
    expect(JSON.stringify(early.body)).toContain('at');
    const unknown = await api.get(`/api/v1/readiness/summary?districtId=${uuidv7()}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['districtId']);

    const outsider = await createUser(api, 'readiness-abbottabad', 'viewer', [abbottabad.districtId]);
    const theirs = await outsider.get(`/api/v1/readiness/summary?districtId=${haripur.districtId}`);
    expect(theirs.status).toBe(400);
    expect(theirs.body.errors).toEqual(unknown.body.errors);
    const gaps = await outsider.get('/api/v1/readiness/gaps');
    expect(gaps.status).toBe(200);
    expect(gaps.body.total).toBe(0);
    const someone = (await api.get(`/api/v1/readiness/gaps?districtId=${haripur.districtId}&limit=1`)).body.items[0]
      .assignmentId as string;
    expect((await outsider.get(`/api/v1/readiness/assignments/${someone}`)).status).toBe(404);
  });

  it('sums runs applied more than an hour ago into a row an hour, the freshness unchanged', async () => {
    const freshness = async () =>
      (await api.get(`/api/v1/readiness/summary?districtId=${haripur.districtId}`)).body.freshness as {
        service: string;
        lastEventAt: string;
        behindEvents: number;
      }[];
    const before = await freshness();
    await db.query(`update readiness.source_applied set applied_at = applied_at - interval '2 hours'`);
    const { rows: runs } = await db.query<{ n: number }>('select count(*)::int as n from readiness.source_applied');
    // Any run compacts: another person's registration.
    await createPersonnel(api, haripur);
    await eventually(async () => {
      const { rows } = await db.query<{ n: number; loose: number }>(
        `select count(*)::int as n, count(*) filter (where not compacted and applied_at < now() - interval '1 hour')::int
           as loose from readiness.source_applied`,
      );
      expect(rows[0].loose).toBe(0);
      expect(rows[0].n).toBeLessThan(runs[0].n);
    });
    const after = await freshness();
    for (const source of before) {
      const now = after.find((f) => f.service === source.service)!;
      expect(now.behindEvents).toBe(source.behindEvents);
      if (source.service !== 'roster') {
        expect(now.lastEventAt).toBe(source.lastEventAt);
      }
    }
  });
});
