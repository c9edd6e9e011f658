import { BriefingsEvents } from '@rasad/contracts';
import { Geography, TestApi, createGeography, eventually } from '@rasad/testing';
import { NatsConnection } from 'nats';
import { Client } from 'pg';
import { BriefingsSuite, BriefingsWorld, hoursFromNow, startBriefingsSuite, streamEvents } from './briefings-fixtures';

/** An officer's day with briefings, through the API: what used to stick, clash or answer 500. */
describe("briefings: an officer's day", () => {
  let api: TestApi;
  let db: Client;
  let nc: NatsConnection;
  let world: BriefingsWorld;
  let geo: Geography;

  let suite: BriefingsSuite;

  beforeAll(async () => {
    suite = await startBriefingsSuite('briefings_officer');
    ({ api, db, nc, world } = suite);
    geo = await createGeography(api, 'OFD1');
  });

  afterAll(() => suite?.stop());

  /** People with one duty each at the district's post, starting this many hours from now, as briefings sees them. */
  async function dutiful(...startsInHours: number[]): Promise<string[]> {
    const people = await Promise.all(startsInHours.map(() => world.person(geo)));
    const duties = [];
    for (const [n, person] of people.entries()) {
      duties.push(await world.duty(person, geo.postId, startsInHours[n]));
    }
    await world.projected(people, duties);
    return people;
  }

  const invitedIds = (body: { invited: { personnelId: string }[] }) => body.invited.map((p) => p.personnelId);

  describe('filling without a selector', () => {
    it('fills from the whole district when the body is empty or absent', async () => {
      const [first, second] = await dutiful(70, 71);
      const session = await world.session(geo.districtId, 24, {
        venue: { name: 'Hall', address: 'Road', capacity: 1 },
      });
      const empty = await api.post(`/api/v1/briefings/${session.id}/fill`, {});
      expect(empty.status).toBe(200);
      expect(invitedIds(empty.body)).toEqual([first]);
      const other = await world.session(geo.districtId, 25);
      const absent = await api.post(`/api/v1/briefings/${other.id}/fill`);
      expect(absent.status).toBe(200);
      expect(invitedIds(absent.body)).toContain(second);
    });
  });

  describe('hostile bodies', () => {
    /** Values of the wrong type or size for any field. */
    const HOSTILE: unknown[] = [
      null,
      [],
      [null],
      {},
      '',
      'x'.repeat(20_000),
      1e308,
      -1,
      2 ** 53 + 1,
      true,
      { $gt: '' },
    ];
    /** Whole bodies that are not the object a route expects, as raw JSON. */
    const WHOLE = ['null', '[]', '[{}]', '"text"', '42', 'true', '{}', '{"unknown":1}', '{"a":1e400}', '{'];

    interface Route {
      name: string;
      method: string;
      path: () => string;
      body: () => Record<string, unknown>;
      /** Dotted paths of nested fields to attack besides the top-level ones. */
      nested?: string[];
      /** Takes no body and ignores whatever is sent, like every id-only action. */
      bodiless?: boolean;
    }

    let upcoming: string;
    let running: string;
    let invitation: string;
    let person: string;
    let number: string;

    beforeAll(async () => {
      [person] = await dutiful(130);
      number = (await api.get(`/api/v1/personnel/${person}`)).body.serviceNumber;
      upcoming = (await world.session(geo.districtId, 40)).id;
      const invited = await api.post(`/api/v1/briefings/${upcoming}/invitations`, { personnelIds: [person] });
      invitation = invited.body[0].id;
      running = (await world.session(geo.districtId, 41)).id;
      await world.started(running);
    });

    const routes = (): Route[] => [
      {
        name: 'create',
        method: 'POST',
        path: () => '/api/v1/briefings',
        body: () => ({
          title: 'Hostile',
          topics: ['code_of_conduct'],
          venue: { name: 'Hall', address: 'Road', capacity: 10 },
          startsAt: hoursFromNow(200),
          endsAt: hoursFromNow(202),
          presenter: 'DSP',
          districtId: geo.districtId,
        }),
        nested: ['venue.capacity', 'venue.name'],
      },
      {
        name: 'reschedule',
        method: 'POST',
        path: () => `/api/v1/briefings/${upcoming}/reschedule`,
        body: () => ({
          startsAt: hoursFromNow(42),
          endsAt: hoursFromNow(43),
          venue: { name: 'Hall', address: 'Road', capacity: 10 },
          reason: 'Moved',
        }),
        nested: ['venue.capacity'],
      },
      {
        name: 'cancel',
        method: 'POST',
        path: () => `/api/v1/briefings/${upcoming}/cancel`,
        body: () => ({ reason: 'x' }),
      },
      {
        name: 'fill',
        method: 'POST',
        path: () => `/api/v1/briefings/${upcoming}/fill`,
        body: () => ({ selector: { personnelIds: [person], tehsilId: geo.tehsilId } }),
        nested: ['selector.personnelIds', 'selector.tehsilId'],
      },
      {
        name: 'invite',
        method: 'POST',
        path: () => `/api/v1/briefings/${upcoming}/invitations`,
        body: () => ({ personnelIds: [person] }),
      },
      {
        name: 'invite by number',
        method: 'POST',
        path: () => `/api/v1/briefings/${upcoming}/invitations`,
        body: () => ({ serviceNumbers: [number] }),
      },
      {
        name: 'roll call by number',
        method: 'POST',
        path: () => `/api/v1/briefings/${running}/attendance`,
        body: () => ({ entries: [{ serviceNumber: number, status: 'present' }] }),
        nested: ['entries.0.serviceNumber'],
      },
      {
        name: 'answer',
        method: 'PATCH',
        path: () => `/api/v1/briefings/${upcoming}/invitations/${invitation}`,
        body: () => ({ status: 'confirmed', reason: 'ok' }),
      },
      {
        name: 'roll call',
        method: 'POST',
        path: () => `/api/v1/briefings/${running}/attendance`,
        body: () => ({ entries: [{ personnelId: person, status: 'present', codeOfConductAcknowledged: true }] }),
        nested: ['entries.0.personnelId', 'entries.0.status', 'entries.0.acknowledgedAt'],
      },
      {
        name: 'complete',
        method: 'POST',
        path: () => `/api/v1/briefings/${running}/complete`,
        body: () => ({}),
        bodiless: true,
      },
      {
        name: 'calendar link',
        method: 'POST',
        path: () => '/api/v1/calendar-links',
        body: () => ({ personnelId: person }),
      },
    ];

    function withValue(body: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
      const copy = structuredClone(body);
      const keys = dotted.split('.');
      let at: any = copy;
      for (const key of keys.slice(0, -1)) {
        at = at[key];
      }
      at[keys[keys.length - 1]] = value;
      return copy;
    }

    /** `entries.0.status` is reported as `entries[0].status` or `entries.0.status`; either names it. */
    const names = (field: string, reported: string) =>
      [field, field.replace(/\.(\d+)/g, '[$1]')].some(
        (name) => reported === name || reported.startsWith(`${name}.`) || reported.startsWith(`${name}[`),
      );

    it('answers every hostile field with a 4xx naming it, and never a 5xx', async () => {
      const failures: string[] = [];
      for (const route of routes()) {
        const fields = [...Object.keys(route.body()), ...(route.nested ?? [])];
        for (const field of fields) {
          for (const value of HOSTILE) {
            const response = await api.request(route.method, route.path(), withValue(route.body(), field, value));
            const label = `${route.name} ${field}=${JSON.stringify(value)?.slice(0, 20)} → ${response.status}`;
            if (response.status >= 500) {
              failures.push(`${label} ${JSON.stringify(response.body).slice(0, 200)}`);
            } else if (response.status === 400) {
              const reported: string[] = (response.body.errors ?? []).map((e: { field: string }) => e.field);
              if (!reported.some((name) => names(field, name))) {
                failures.push(`${label} names ${JSON.stringify(reported)}`);
              }
            }
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it('answers bodies that are not objects, or not JSON, with a 4xx (an id-only action ignores them), never a 5xx', async () => {
      const failures: string[] = [];
      for (const route of routes()) {
        for (const raw of WHOLE) {
          const response = await api.request(route.method, route.path(), raw, { 'content-type': 'application/json' });
          const emptyFill = route.name === 'fill' && ['{}', 'null'].includes(raw);
          const lowest = route.bodiless || emptyFill ? 200 : 400;
          if (response.status < lowest || response.status >= 500) {
            failures.push(`${route.name} ${raw} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it('answers hostile queries and path ids with a 4xx', async () => {
      const paths = [
        '/api/v1/briefings?limit=1e308',
        '/api/v1/briefings?limit=-1',
        '/api/v1/briefings?limit=abc',
        '/api/v1/briefings?status=closed',
        '/api/v1/briefings?status=scheduled,closed',
        '/api/v1/briefings?includeCancelled=maybe',
        '/api/v1/briefings?sort=presenter',
        '/api/v1/briefings?from=yesterday',
        '/api/v1/briefings?districtId=1',
        '/api/v1/briefings?cursor=not-a-cursor',
        `/api/v1/briefings/${upcoming}/invitations?limit=99999999999999999999`,
        `/api/v1/briefings/${upcoming}/invitations?cursor=x&status=maybe`,
        `/api/v1/briefings/${upcoming}/invitations?cursor=eyJzIjoibmFtZSIsImkiOiJ4In0`,
        `/api/v1/briefings/${upcoming}/invitations?sort=rank`,
        `/api/v1/briefings/${running}/attendance?status=late`,
        `/api/v1/briefings/${running}/attendance?sort=-arrival`,
        '/api/v1/briefings/attended-topics',
        '/api/v1/briefings/attended-topics?personnelId=x',
        `/api/v1/briefings/attended-topics?personnelId=${person}&personnelId=${person}`,
        '/api/v1/briefings/not-a-uuid',
        `/api/v1/briefings/${'9'.repeat(2000)}/attendance`,
        `/api/v1/briefings/${upcoming}/invitations/not-a-uuid`,
      ];
      const failures: string[] = [];
      for (const path of paths) {
        const response = await api.get(path);
        if (response.status < 400 || response.status >= 500) {
          failures.push(`${path} → ${response.status}`);
        }
      }
      const patch = await api.patch(`/api/v1/briefings/${upcoming}/invitations/not-a-uuid`, { status: 'confirmed' });
      const revoke = await api.request('DELETE', '/api/v1/calendar-links/not-a-uuid');
      expect([failures, patch.status, revoke.status]).toEqual([[], 400, 400]);
    });
  });

  describe('sessions that used to get stuck', () => {
    it('refuses a session that starts in the past, naming startsAt, and writes nothing', async () => {
      const response = await api.post('/api/v1/briefings', {
        title: 'Late',
        topics: ['code_of_conduct'],
        venue: { name: 'Hall', address: 'Road', capacity: 10 },
        startsAt: hoursFromNow(-2),
        endsAt: hoursFromNow(1),
        presenter: 'DSP Legal',
        districtId: geo.districtId,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'startsAt', message: 'startsAt must be in the future' }]);
      const { rows } = await db.query("select 1 from briefings.session where title = 'Late'");
      expect(rows).toEqual([]);
    });

    it('cancels a session that has started but was not held', async () => {
      const session = await world.session(geo.districtId, 5);
      await world.started(session.id);
      const cancelled = await api.post(`/api/v1/briefings/${session.id}/cancel`, { reason: 'Presenter did not come' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', statusReason: 'Presenter did not come' });
    });

    it('moves a session whose start passed without a roll call, but not one that was held', async () => {
      const [person] = await dutiful(90);
      const missed = await world.session(geo.districtId, 6);
      await world.started(missed.id);
      const moved = await api.post(`/api/v1/briefings/${missed.id}/reschedule`, {
        startsAt: hoursFromNow(30),
        endsAt: hoursFromNow(32),
        reason: 'Presenter did not come',
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ status: 'scheduled', startsAt: expect.any(String), releasedForClash: [] });

      const held = await world.session(geo.districtId, 7);
      await world.started(held.id);
      const roll = await api.post(`/api/v1/briefings/${held.id}/attendance`, {
        entries: [{ personnelId: person, status: 'present' }],
      });
      expect(roll.status).toBe(201);
      const refused = await api.post(`/api/v1/briefings/${held.id}/reschedule`, {
        startsAt: hoursFromNow(30),
        endsAt: hoursFromNow(32),
        reason: 'Again',
      });
      expect(refused.status).toBe(409);
    });

    it('keeps a running session open to latecomers until the officer completes it', async () => {
      const [early, late, later] = await dutiful(100, 101, 102);
      const session = await world.session(geo.districtId, 8);
      const path = `/api/v1/briefings/${session.id}`;
      expect((await api.post(`${path}/complete`)).status).toBe(409); // not started yet
      await world.started(session.id);
      expect((await api.post(`${path}/invitations`, { personnelIds: [early] })).status).toBe(201);
      const roll = await api.post(`${path}/attendance`, { entries: [{ personnelId: early, status: 'present' }] });
      expect(roll.status).toBe(201);
      expect((await api.get(path)).body.status).toBe('scheduled');
      // A latecomer walks in after the first roll-call entry: invited and marked.
      expect((await api.post(`${path}/invitations`, { personnelIds: [late] })).status).toBe(201);
      expect(
        (await api.post(`${path}/attendance`, { entries: [{ personnelId: late, status: 'present' }] })).status,
      ).toBe(201);

      const completed = await api.post(`${path}/complete`);
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({ status: 'completed', seatsTaken: 2 });
      expect((await api.post(`${path}/complete`)).body.status).toBe('completed');
      expect((await api.post(`${path}/invitations`, { personnelIds: [later] })).status).toBe(409);
      expect((await api.post(`${path}/cancel`, { reason: 'Too late' })).status).toBe(409);
      // Corrections to the roll call stay possible.
      expect(
        (await api.post(`${path}/attendance`, { entries: [{ personnelId: late, status: 'excused' }] })).status,
      ).toBe(201);
    });

    it('counts no topics from a session that was cancelled after its roll call', async () => {
      const [person] = await dutiful(110);
      const session = await world.session(geo.districtId, 9);
      await world.started(session.id);
      await api.post(`/api/v1/briefings/${session.id}/attendance`, {
        entries: [{ personnelId: person, status: 'present', codeOfConductAcknowledged: true }],
      });
      expect((await api.post(`/api/v1/briefings/${session.id}/cancel`, { reason: 'Wrong hall' })).status).toBe(200);
      const topics = await api.get(`/api/v1/briefings/attended-topics?personnelId=${person}`);
      expect(topics.body).toMatchObject({ topics: [], sessions: [] });
    });
  });

  describe('people named by service number', () => {
    it('invites by service number, and names an unknown or outside number as the field that holds it', async () => {
      const [byNumber, byId] = await dutiful(140, 141);
      const numberOf = async (id: string) => (await api.get(`/api/v1/personnel/${id}`)).body.serviceNumber as string;
      const number = await numberOf(byNumber);
      const outsider = await world.person(await createGeography(api, 'OFD2X'));
      await world.projected([outsider], []);
      const session = await world.session(geo.districtId, 44);
      const path = `/api/v1/briefings/${session.id}/invitations`;

      const refused = await api.post(path, {
        personnelIds: [byId],
        serviceNumbers: ['NOPE-1', await numberOf(outsider)],
      });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([
        { field: 'serviceNumbers[0]', message: 'no personnel with service number NOPE-1' },
        { field: 'serviceNumbers[1]', message: `no personnel with service number ${await numberOf(outsider)}` },
      ]);
      expect((await api.get(`/api/v1/briefings/${session.id}`)).body.seatsTaken).toBe(0);

      const invited = await api.post(path, { personnelIds: [byId], serviceNumbers: [number] });
      expect(invited.status).toBe(201);
      expect(invited.body.map((i: { personnelId: string }) => i.personnelId).sort()).toEqual([byNumber, byId].sort());
      // Named twice, once each way: one seat.
      const twice = await api.post(path, { personnelIds: [byNumber], serviceNumbers: [number] });
      expect(twice.status).toBe(201);
      expect((await api.get(`/api/v1/briefings/${session.id}`)).body.seatsTaken).toBe(2);
      expect((await api.post(path, {})).status).toBe(400);
    });

    it('takes a roll call by service number, naming each entry it cannot place', async () => {
      const [byNumber, byId] = await dutiful(150, 151);
      const number = (await api.get(`/api/v1/personnel/${byNumber}`)).body.serviceNumber as string;
      const session = await world.session(geo.districtId, 45);
      await world.started(session.id);
      const path = `/api/v1/briefings/${session.id}/attendance`;

      const unknown = await api.post(path, {
        entries: [
          { personnelId: byId, status: 'present' },
          { serviceNumber: 'NOPE-2', status: 'present' },
        ],
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([
        { field: 'entries[1].serviceNumber', message: 'no personnel with service number NOPE-2' },
      ]);
      const both = await api.post(path, { entries: [{ personnelId: byId, serviceNumber: number, status: 'present' }] });
      expect(both.status).toBe(400);
      expect(both.body.errors[0].field).toBe('entries[0].serviceNumber');
      const twice = await api.post(path, {
        entries: [
          { personnelId: byNumber, status: 'present' },
          { serviceNumber: number, status: 'absent' },
        ],
      });
      expect(twice.status).toBe(400);
      expect(twice.body.errors[0].field).toBe('entries[1].serviceNumber');
      const neither = await api.post(path, { entries: [{ status: 'present' }] });
      expect(neither.status).toBe(400);

      const roll = await api.post(path, {
        entries: [
          { serviceNumber: number, status: 'present', codeOfConductAcknowledged: true },
          { personnelId: byId, status: 'absent' },
        ],
      });
      expect(roll.status).toBe(201);
      expect(
        roll.body.entries.map((e: { personnelId: string; status: string }) => [e.personnelId, e.status]).sort(),
      ).toEqual(
        [
          [byNumber, 'present'],
          [byId, 'absent'],
        ].sort(),
      );
    });
  });

  describe("briefings and the person's own duty", () => {
    it('fills only people free for the whole session', async () => {
      const [busy, free] = await dutiful(72, 73);
      // Busy is on duty (anywhere) while the briefing runs.
      const elsewhere = await createGeography(api, 'OFD1X');
      const clashing = await world.duty(busy, elsewhere.postId, 23);
      await world.projected([busy], [clashing]);
      const session = await world.session(geo.districtId, 24);
      const fill = await api.post(`/api/v1/briefings/${session.id}/fill`, { selector: { personnelIds: [busy, free] } });
      expect(fill.status).toBe(200);
      expect(invitedIds(fill.body)).toEqual([free]);
      expect(fill.body.leftOverTotal).toBe(0);
    });

    it('releases, on reschedule, the seats of those now on duty during the briefing, and says so', async () => {
      const [moving, staying] = await dutiful(120, 121);
      const dutyDuringMove = await world.duty(moving, geo.postId, 48);
      await world.projected([moving], [dutyDuringMove]);
      const session = await world.session(geo.districtId, 24);
      const fill = await api.post(`/api/v1/briefings/${session.id}/fill`, {
        selector: { personnelIds: [moving, staying] },
      });
      expect(invitedIds(fill.body).sort()).toEqual([moving, staying].sort());

      const moved = await api.post(`/api/v1/briefings/${session.id}/reschedule`, {
        startsAt: hoursFromNow(50),
        endsAt: hoursFromNow(52),
        reason: 'Hall needed',
      });
      expect(moved.status).toBe(200);
      expect(moved.body.seatsTaken).toBe(1);
      expect(moved.body.releasedForClash).toEqual([
        {
          personnelId: moving,
          invitationId: expect.any(String),
          dutyId: dutyDuringMove,
          dutyStartsAt: expect.any(String),
          dutyEndsAt: expect.any(String),
        },
      ]);
      const invitations = await api.get(`/api/v1/briefings/${session.id}/invitations?includeCancelled=true`);
      const of = (person: string) =>
        invitations.body.items.find((i: { personnelId: string }) => i.personnelId === person);
      expect(of(moving)).toMatchObject({ status: 'cancelled', statusReason: 'duty_clash' });
      expect(of(staying)).toMatchObject({ status: 'invited' });

      const cancelled = await eventually(async () => {
        const found = (await streamEvents<any>(nc, BriefingsEvents.invitationCancelled)).filter(
          (e) => e.aggregateId === session.id,
        );
        expect(found).toHaveLength(1);
        return found;
      });
      expect(cancelled[0].payload).toMatchObject({ personnelId: moving, reason: 'duty_clash', status: 'cancelled' });
      const rescheduled = await eventually(async () => {
        const found = (await streamEvents<any>(nc, BriefingsEvents.sessionRescheduled)).filter(
          (e) => e.aggregateId === session.id,
        );
        expect(found).toHaveLength(1);
        return found;
      });
      expect(rescheduled[0].payload.personnelIds).toEqual([staying]);
    });

    it('takes back the seat of someone later posted to a duty during the briefing', async () => {
      const [posted, unposted] = await dutiful(160, 161);
      const session = await world.session(geo.districtId, 46);
      const invited = await api.post(`/api/v1/briefings/${session.id}/invitations`, {
        personnelIds: [posted, unposted],
      });
      expect(invited.status).toBe(201);
      await world.duty(posted, geo.postId, 45); // on duty while the briefing runs
      await eventually(async () => {
        const invitations = await api.get(`/api/v1/briefings/${session.id}/invitations?includeCancelled=true`);
        const of = (person: string) =>
          invitations.body.items.find((i: { personnelId: string }) => i.personnelId === person);
        expect(of(posted)).toMatchObject({ status: 'cancelled', statusReason: 'duty_clash' });
        expect(of(unposted)).toMatchObject({ status: 'invited' });
      });
      const cancelled = await eventually(async () => {
        const found = (await streamEvents<any>(nc, BriefingsEvents.invitationCancelled)).filter(
          (e) => e.aggregateId === session.id,
        );
        expect(found).toHaveLength(1);
        return found;
      });
      expect(cancelled[0].payload).toMatchObject({ personnelId: posted, reason: 'duty_clash' });
    });
  });

  it('documents the new answers and actions in OpenAPI', async () => {
    const docs = (await api.get('/docs-json')).body;
    const reschedule =
      docs.paths['/api/v1/briefings/{id}/reschedule'].post.responses['200'].content['application/json'];
    expect(reschedule.schema.$ref).toBe('#/components/schemas/RescheduleResultView');
    expect(docs.components.schemas.RescheduleResultView.properties.releasedForClash).toMatchObject({ type: 'array' });
    expect(Object.keys(docs.paths['/api/v1/briefings/{id}/complete'].post.responses)).toEqual(
      expect.arrayContaining(['200', '404', '409']),
    );
    expect(docs.components.schemas.FillSessionRequest.required ?? []).not.toContain('selector');
    expect(docs.components.schemas.RollCallEntry.properties.serviceNumber).toBeDefined();
    expect(docs.components.schemas.CalendarLinkView.properties.url).toBeDefined();
  });
});
