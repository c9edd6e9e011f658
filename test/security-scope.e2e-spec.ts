import { loadEnv } from '@rasad/common';
import { Geography, TestApi, createGeography, createPersonnel, eventually, fakeCnic, fakePhone } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { createBriefings } from '../apps/briefings/src/bootstrap';
import { BriefingsEnv } from '../apps/briefings/src/briefings.env';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';

const PASSWORD = 'a-long-enough-password';
const ZERO_ID = '0190b0c0-0000-7000-8000-000000000000';
/** The roles scoped to district B; an admin sees every district and is the one who reads back. */
const ROLES = ['logistics_officer', 'briefing_officer', 'viewer'] as const;
type ScopedRole = (typeof ROLES)[number];

const PERSONNEL_HEADER = 'serviceNumber,name,rank,unitCode,homeDistrictCode,cnic,phone,gender,travelMode';
const DUTY_HEADER = 'serviceNumber,postCode,role,startsAt,endsAt,phase';

/**
 * District scope as an attacker tests it: an officer, briefer or viewer of district B, through the HTTP API, aims at
 * district A's records by id, by list filter, by import row and by search, and must learn or change nothing there.
 */
describe('security: district scope on every read, write, import row, list filter and search', () => {
  let rasad: RunningRasad;
  let admin: TestApi;
  /** A plays Haripur, B the attacker's district; C has nothing to do with B at all. */
  let a: Geography;
  let b: Geography;
  let c: Geography;
  const as = {} as Record<ScopedRole, TestApi>;

  beforeAll(async () => {
    rasad = await startRasad(
      'security_scope',
      {},
      { gateway: { RASAD_EVENT_CONSUMERS: 'briefings,notifier', RASAD_SERVICES: 'roster,briefings,notifier' } },
      {
        services: [
          (env) => createBriefings(loadEnv(BriefingsEnv, env)),
          (env) => createNotifier(loadEnv(NotifierEnv, { ...env, NOTIFY_POLL_MS: '100' })),
        ],
      },
    );
    admin = rasad.api;
    a = await createGeography(admin, 'SCA');
    b = await createGeography(admin, 'SCB');
    c = await createGeography(admin, 'SCC');
    for (const role of ROLES) {
      const username = `${role}.b`;
      const created = await admin.post('/api/v1/users', {
        username,
        password: PASSWORD,
        role,
        districtIds: [b.districtId],
      });
      expect(created.status).toBe(201);
      as[role] = await rasad.anonymous.login(username, PASSWORD);
    }
  });

  afterAll(async () => {
    await rasad?.stop();
  });

  async function duty(personnelId: string, postId: string, startsAt: string, endsAt: string): Promise<string> {
    const created = await admin.post('/api/v1/assignments', {
      personnelId,
      postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt,
      endsAt,
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** Someone who serves in both A and B: their unit is B's, a live duty posts them in A. */
  async function sharedPerson(startsAt: string, endsAt: string) {
    const person = await createPersonnel(admin, b);
    const dutyInA = await duty(person.id, a.postId, startsAt, endsAt);
    return { person, dutyInA };
  }

  describe('personnel import', () => {
    it('refuses a row that names another district’s person by service number, saying no more than POST /personnel does', async () => {
      const victim = await createPersonnel(admin, a, { name: 'Haripur Constable' });
      const before = (await admin.get(`/api/v1/personnel/${victim.id}`)).body;
      const officer = as.logistics_officer;
      const csv = `${PERSONNEL_HEADER}\n${victim.serviceNumber},Taken Over,constable,SCB-U,SCB,${fakeCnic()},${fakePhone()},male,provided`;

      const imported = await officer.csv('/api/v1/imports/personnel', csv);

      expect(imported.status).toBe(422);
      const direct = await officer.post('/api/v1/personnel', {
        serviceNumber: victim.serviceNumber,
        name: 'Taken Over',
        rank: 'constable',
        unitId: b.unitId,
        homeDistrictId: b.districtId,
        cnic: fakeCnic(),
        phone: fakePhone(),
        gender: 'male',
        travelMode: 'provided',
      });
      expect(direct.status).toBe(409);
      expect(imported.body.errors).toEqual([{ row: 2, field: 'serviceNumber', message: direct.body.message }]);
      expect(JSON.stringify(imported.body)).not.toMatch(/Haripur|SCA/);
      expect((await admin.get(`/api/v1/personnel/${victim.id}`)).body).toEqual(before);
      expect((await officer.get(`/api/v1/personnel/${victim.id}`)).status).toBe(404);
    });

    it('does not tell whose a CNIC is when it belongs to someone outside the caller’s districts', async () => {
      const victim = await createPersonnel(admin, a);
      const csv = `${PERSONNEL_HEADER}\nSCB-NEW-1,New Constable,constable,SCB-U,SCB,${victim.cnic},${fakePhone()},male,provided`;

      const imported = await as.logistics_officer.csv('/api/v1/imports/personnel', csv);

      expect(imported.status).toBe(422);
      expect(imported.body.errors).toEqual([
        { row: 2, field: 'cnic', message: 'cnic is already registered to another person' },
      ]);
      expect(JSON.stringify(imported.body)).not.toContain(victim.serviceNumber);
      expect((await admin.get('/api/v1/personnel?search=SCB-NEW-1')).body.items).toEqual([]);
    });

    it('still updates the caller’s own people by service number', async () => {
      const mine = await createPersonnel(admin, b);
      const csv = `${PERSONNEL_HEADER}\n${mine.serviceNumber},Renamed Constable,constable,SCB-U,SCB,${mine.cnic},${mine.phone},male,provided`;

      const imported = await as.logistics_officer.csv('/api/v1/imports/personnel', csv);

      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ updated: 1 });
      expect((await admin.get(`/api/v1/personnel/${mine.id}`)).body.name).toBe('Renamed Constable');
    });
  });

  describe('assignment import and overlaps', () => {
    it('does not move another district’s duty that has the same person and window', async () => {
      const { person, dutyInA } = await sharedPerson('2027-03-01T06:00:00+05:00', '2027-03-01T20:00:00+05:00');
      const before = (await admin.get(`/api/v1/assignments/${dutyInA}`)).body;
      const csv = `${DUTY_HEADER}\n${person.serviceNumber},SCB-P1,qrf,2027-03-01T06:00:00+05:00,2027-03-01T20:00:00+05:00,poll_day`;

      const imported = await as.logistics_officer.csv('/api/v1/imports/assignments', csv);

      expect(imported.status).toBe(422);
      expect(imported.body.errors).toEqual([
        { row: 2, field: 'startsAt', message: 'this duty overlaps another duty of this person' },
      ]);
      expect((await admin.get(`/api/v1/assignments/${dutyInA}`)).body).toEqual(before);

      // The same row for a duty posted in B updates it.
      const dutyInB = await duty(person.id, b.postId, '2027-03-05T06:00:00+05:00', '2027-03-05T20:00:00+05:00');
      const own = `${DUTY_HEADER}\n${person.serviceNumber},SCB-P1,qrf,2027-03-05T06:00:00+05:00,2027-03-05T20:00:00+05:00,poll_day`;
      const updated = await as.logistics_officer.csv('/api/v1/imports/assignments', own);
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ created: 0, updated: 1 });
      expect((await admin.get(`/api/v1/assignments/${dutyInB}`)).body.role).toBe('qrf');
    });

    it('reads a row naming another district’s person or post as one naming nothing that exists', async () => {
      const theirs = await createPersonnel(admin, a);
      const window = '2027-03-06T06:00:00+05:00,2027-03-06T20:00:00+05:00,poll_day';
      const csv = [
        'personnelId,postId,role,startsAt,endsAt,phase',
        `${theirs.id},${b.postId},guard,${window}`,
        `${ZERO_ID},${b.postId},guard,${window}`,
        `${(await createPersonnel(admin, b)).id},${a.postId},guard,${window}`,
      ].join('\n');

      const imported = await as.logistics_officer.csv('/api/v1/imports/assignments', csv);

      expect(imported.status).toBe(422);
      const [person, nobody, post] = imported.body.errors;
      expect(person).toEqual({ ...nobody, row: 2, message: nobody.message.replace(ZERO_ID, theirs.id) });
      expect(post).toEqual({ row: 4, field: 'postId', message: `no post with id ${a.postId}` });
      expect((await admin.get(`/api/v1/assignments?personnelId=${theirs.id}`)).body.items).toEqual([]);
    });

    it('names an overlapping duty outside the caller’s districts by neither id, post nor times (import)', async () => {
      const { person, dutyInA } = await sharedPerson('2027-03-02T06:00:00+05:00', '2027-03-02T20:00:00+05:00');
      const csv = `${DUTY_HEADER}\n${person.serviceNumber},SCB-P1,guard,2027-03-02T10:00:00+05:00,2027-03-02T22:00:00+05:00,poll_day`;

      const imported = await as.logistics_officer.csv('/api/v1/imports/assignments', csv);

      expect(imported.status).toBe(422);
      expect(imported.body.errors).toEqual([
        { row: 2, field: 'startsAt', message: 'this duty overlaps another duty of this person' },
      ]);
      expect(JSON.stringify(imported.body)).not.toMatch(new RegExp(`${dutyInA}|SCA|2027-03-02T01`));
    });

    it('names an overlapping duty outside the caller’s districts by neither id, post nor times (API)', async () => {
      const { person, dutyInA } = await sharedPerson('2027-03-03T06:00:00+05:00', '2027-03-03T20:00:00+05:00');
      const body = {
        personnelId: person.id,
        postId: b.postId,
        role: 'guard',
        phase: 'poll_day',
        startsAt: '2027-03-03T10:00:00+05:00',
        endsAt: '2027-03-03T22:00:00+05:00',
      };

      const created = await as.logistics_officer.post('/api/v1/assignments', body);

      expect(created.status).toBe(409);
      expect(created.body.code).toBe('ASSIGNMENT.OVERLAP');
      const told = JSON.stringify(created.body);
      expect(told).not.toMatch(new RegExp(`${dutyInA}|SCA|${a.postId}|2027-03-03T01:00`));
      expect(created.body.details?.clashingAssignmentId ?? null).toBeNull();

      // Inside the caller's districts the clash is named, so the officer knows what to move.
      const mine = await duty(person.id, b.postId, '2027-03-04T06:00:00+05:00', '2027-03-04T20:00:00+05:00');
      const clash = await as.logistics_officer.post('/api/v1/assignments', {
        ...body,
        startsAt: '2027-03-04T10:00:00+05:00',
        endsAt: '2027-03-04T22:00:00+05:00',
      });
      expect(clash.status).toBe(409);
      expect(clash.body.message).toContain(mine);
    });
  });

  describe('list filters narrow the caller’s scope, never widen it', () => {
    let cPerson: { id: string };
    let cDuty: string;
    let cSession: string;

    beforeAll(async () => {
      cPerson = await createPersonnel(admin, c);
      const start = new Date(Date.now() + 72 * 3600_000);
      cDuty = await duty(
        cPerson.id,
        c.postId,
        start.toISOString(),
        new Date(start.getTime() + 8 * 3600_000).toISOString(),
      );
      const session = await admin.post('/api/v1/briefings', {
        title: 'Code of conduct',
        topics: ['code_of_conduct', 'security_protocol'],
        venue: { name: 'Police Lines Hall', address: 'G.T. Road', capacity: 10 },
        startsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 26 * 3600_000).toISOString(),
        presenter: 'DSP Legal',
        districtId: c.districtId,
      });
      expect(session.status).toBe(201);
      cSession = session.body.id;
      await eventually(
        async () => {
          const notices = await admin.get(`/api/v1/notifications?personnelId=${cPerson.id}`);
          expect(notices.body.items.length).toBeGreaterThan(0);
        },
        { timeoutMs: 20_000 },
      );
    });

    /** Each list route with each filter naming a record of district C; the admin's answer proves it matches. */
    const filters = () => [
      `/api/v1/districts?districtId=${c.districtId}`,
      `/api/v1/tehsils?districtId=${c.districtId}`,
      `/api/v1/police-stations?districtId=${c.districtId}`,
      `/api/v1/police-stations?tehsilId=${c.tehsilId}`,
      `/api/v1/units?districtId=${c.districtId}`,
      `/api/v1/posts?districtId=${c.districtId}`,
      `/api/v1/posts?tehsilId=${c.tehsilId}`,
      `/api/v1/posts?policeStationId=${c.policeStationId}`,
      `/api/v1/personnel?districtId=${c.districtId}`,
      `/api/v1/personnel?unitId=${c.unitId}`,
      `/api/v1/assignments?districtId=${c.districtId}`,
      `/api/v1/assignments?postId=${c.postId}`,
      `/api/v1/assignments?personnelId=${cPerson.id}`,
      `/api/v1/briefings?districtId=${c.districtId}`,
      `/api/v1/briefings?districtId=${c.districtId}&status=scheduled,cancelled&includeCancelled=true&sort=-startsAt`,
      `/api/v1/notifications?personnelId=${cPerson.id}`,
      `/api/v1/notifications?personnelId=${cPerson.id}&status=pending,sent,failed&channel=log,sms,webhook&sort=name`,
    ];

    it('answers an empty page for a filter naming another district’s record, for every scoped role', async () => {
      for (const path of filters()) {
        const all = await admin.get(path);
        expect({ path, admin: all.status, found: all.body.items.length > 0 }).toEqual({
          path,
          admin: 200,
          found: true,
        });
        for (const role of ROLES) {
          const answer = await as[role].get(path);
          expect({ path, role, status: answer.status, items: answer.body.items, total: answer.body.total }).toEqual({
            path,
            role,
            status: 200,
            items: [],
            total: 0,
          });
        }
      }
      // Path ids of the same records answer 404, whatever the filters of their lists.
      for (const path of [
        `/api/v1/assignments/${cDuty}`,
        `/api/v1/briefings/${cSession}`,
        `/api/v1/briefings/${cSession}/invitations?status=invited,cancelled&includeCancelled=true&sort=-name`,
        `/api/v1/briefings/${cSession}/attendance?status=present,absent&sort=name`,
      ]) {
        expect({ path, status: (await as.viewer.get(path)).status }).toEqual({ path, status: 404 });
      }
    });
  });

  describe('an officer of two districts', () => {
    let officer: TestApi;
    const people = {} as Record<'a' | 'b' | 'c', { id: string }>;
    const duties = {} as Record<'a' | 'b' | 'c', string>;

    beforeAll(async () => {
      const created = await admin.post('/api/v1/users', {
        username: 'logistics.bc',
        password: PASSWORD,
        role: 'logistics_officer',
        districtIds: [b.districtId, c.districtId],
      });
      expect(created.status).toBe(201);
      officer = await rasad.anonymous.login('logistics.bc', PASSWORD);
      const start = new Date(Date.now() + 240 * 3600_000);
      for (const [key, geo] of [
        ['a', a],
        ['b', b],
        ['c', c],
      ] as const) {
        people[key] = await createPersonnel(admin, geo);
        duties[key] = await duty(
          people[key].id,
          geo.postId,
          start.toISOString(),
          new Date(start.getTime() + 8 * 3600_000).toISOString(),
        );
      }
    });

    it('lists the records of both districts and none of a third', async () => {
      const lists: [string, Record<'a' | 'b' | 'c', string>][] = [
        ['/api/v1/districts', { a: a.districtId, b: b.districtId, c: c.districtId }],
        ['/api/v1/tehsils', { a: a.tehsilId, b: b.tehsilId, c: c.tehsilId }],
        ['/api/v1/police-stations', { a: a.policeStationId, b: b.policeStationId, c: c.policeStationId }],
        ['/api/v1/units', { a: a.unitId, b: b.unitId, c: c.unitId }],
        ['/api/v1/posts', { a: a.postId, b: b.postId, c: c.postId }],
        ['/api/v1/personnel', { a: people.a.id, b: people.b.id, c: people.c.id }],
        ['/api/v1/assignments', duties],
      ];
      for (const [path, ids] of lists) {
        const listed = await officer.get(`${path}?limit=500`);
        expect(listed.status).toBe(200);
        const seen = new Set(listed.body.items.map((item: { id: string }) => item.id));
        expect({ path, a: seen.has(ids.a), b: seen.has(ids.b), c: seen.has(ids.c) }).toEqual({
          path,
          a: false,
          b: true,
          c: true,
        });
      }
    });

    it('reads people and duties of both districts by id, and not a third’s', async () => {
      const statuses = async (path: (key: 'a' | 'b' | 'c') => string) =>
        Object.fromEntries(
          await Promise.all(
            (['a', 'b', 'c'] as const).map(async (key) => [key, (await officer.get(path(key))).status]),
          ),
        );
      expect(await statuses((key) => `/api/v1/personnel/${people[key].id}`)).toEqual({ a: 404, b: 200, c: 200 });
      expect(await statuses((key) => `/api/v1/assignments/${duties[key]}`)).toEqual({ a: 404, b: 200, c: 200 });
    });

    it('imports people into either district, and not into a third', async () => {
      const row = (geo: string) =>
        `${geo}-BC-${Date.now()},Two District Constable,constable,${geo}-U,${geo},${fakeCnic()},${fakePhone()},male,provided`;

      const mine = await officer.csv('/api/v1/imports/personnel', `${PERSONNEL_HEADER}\n${row('SCB')}\n${row('SCC')}`);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ created: 2 });

      const theirs = await officer.csv('/api/v1/imports/personnel', `${PERSONNEL_HEADER}\n${row('SCA')}`);
      expect(theirs.status).toBe(422);
      expect(theirs.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'unitCode' })]);
    });
  });

  describe('by id: another district’s record answers 404 and nothing changes', () => {
    it('GET, PATCH and cancel on every id-bearing roster route, for every scoped role', async () => {
      const person = await createPersonnel(admin, a);
      const dutyId = await duty(person.id, a.postId, '2027-03-10T06:00:00+05:00', '2027-03-10T20:00:00+05:00');
      const theirs: Record<string, { id: string; change: object }> = {
        districts: { id: a.districtId, change: { name: 'Taken over' } },
        tehsils: { id: a.tehsilId, change: { name: 'Taken over' } },
        'police-stations': { id: a.policeStationId, change: { name: 'Taken over' } },
        units: { id: a.unitId, change: { name: 'Taken over' } },
        posts: { id: a.postId, change: { name: 'Taken over' } },
        personnel: { id: person.id, change: { name: 'Taken over' } },
        assignments: { id: dutyId, change: { role: 'qrf' } },
      };
      const snapshot = async () =>
        Object.fromEntries(
          await Promise.all(
            Object.entries(theirs).map(async ([resource, { id }]) => [
              resource,
              (await admin.get(`/api/v1/${resource}/${id}`)).body,
            ]),
          ),
        );
      const before = await snapshot();

      for (const role of ROLES) {
        const api = as[role];
        for (const [resource, { id, change }] of Object.entries(theirs)) {
          expect({ role, resource, get: (await api.get(`/api/v1/${resource}/${id}`)).status }).toEqual({
            role,
            resource,
            get: 404,
          });
          // A role that may not change this answers 403 whatever the id; one that may answers 404, as for no record.
          const absent = (await api.patch(`/api/v1/${resource}/${ZERO_ID}`, change)).status;
          expect([403, 404]).toContain(absent);
          const patched = (await api.patch(`/api/v1/${resource}/${id}`, change)).status;
          expect({ role, resource, patch: patched }).toEqual({ role, resource, patch: absent });
        }
        const absent = (await api.post(`/api/v1/assignments/${ZERO_ID}/cancel`, {})).status;
        expect([403, 404]).toContain(absent);
        const cancelled = (await api.post(`/api/v1/assignments/${dutyId}/cancel`, { reason: 'taken over' })).status;
        expect({ role, cancel: cancelled }).toEqual({ role, cancel: absent });
      }
      // The logistics officer may change records, so their PATCHes reached the roster: still 404, nothing changed.
      expect((await as.logistics_officer.patch(`/api/v1/posts/${a.postId}`, { name: 'Taken over' })).status).toBe(404);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('as a reference: another district’s record is as absent as one that never existed', () => {
    it('PATCH on the caller’s own records refuses another district’s references with 422 and changes nothing', async () => {
      const officer = as.logistics_officer;
      const person = await createPersonnel(admin, b);
      const dutyId = await duty(person.id, b.postId, '2027-03-12T06:00:00+05:00', '2027-03-12T20:00:00+05:00');
      const moves: [string, string, string, string][] = [
        ['police-stations', b.policeStationId, 'tehsilId', a.tehsilId],
        ['units', b.unitId, 'districtId', a.districtId],
        ['posts', b.postId, 'policeStationId', a.policeStationId],
        ['personnel', person.id, 'unitId', a.unitId],
        ['assignments', dutyId, 'postId', a.postId],
      ];
      for (const [resource, id, field, theirs] of moves) {
        const before = (await admin.get(`/api/v1/${resource}/${id}`)).body;
        const absent = await officer.patch(`/api/v1/${resource}/${id}`, { [field]: ZERO_ID });
        const foreign = await officer.patch(`/api/v1/${resource}/${id}`, { [field]: theirs });
        expect({
          resource,
          status: foreign.status,
          errors: foreign.body.errors?.map((e: { field: string }) => e.field),
        }).toEqual({ resource, status: 422, errors: [field] });
        // Word for word the answer for an id that exists nowhere, but for the id itself.
        expect(foreign.body.message.replace(theirs, ZERO_ID)).toBe(absent.body.message);
        expect((await admin.get(`/api/v1/${resource}/${id}`)).body).toEqual(before);
      }
    });
  });

  describe('personnel search by CNIC', () => {
    let person: Awaited<ReturnType<typeof createPersonnel>>;

    beforeAll(async () => {
      person = await createPersonnel(admin, b, { name: 'Searchable Constable' });
    });

    const search = (api: TestApi, term: string) =>
      api.get(`/api/v1/personnel?search=${encodeURIComponent(term)}&limit=100`);
    const ids = (response: { body: { items: { id: string }[] } }) => response.body.items.map((p) => p.id);

    it('finds nobody by CNIC, prefix or whole, for roles that do not see CNICs', async () => {
      for (const role of ['viewer', 'briefing_officer'] as const) {
        for (const term of [person.cnic.slice(0, 7), person.cnic, person.cnic.replace(/-/g, '')]) {
          const found = await search(as[role], term);
          expect({ role, term, status: found.status, ids: ids(found) }).toEqual({ role, term, status: 200, ids: [] });
        }
        // Names still match, so the search itself works for them.
        expect(ids(await search(as[role], 'Searchable'))).toContain(person.id);
      }
    });

    it('finds a person by whole CNIC, with or without dashes, for a logistics officer, but not by a prefix', async () => {
      expect(ids(await search(as.logistics_officer, person.cnic))).toEqual([person.id]);
      expect(ids(await search(as.logistics_officer, person.cnic.replace(/-/g, '')))).toEqual([person.id]);
      expect(ids(await search(as.logistics_officer, person.cnic.slice(0, 7)))).toEqual([]);
      expect(ids(await search(as.logistics_officer, person.cnic.slice(0, 14)))).toEqual([]);
    });

    it('takes the caller’s districts and role from the signed-in user, not from headers the client sends', async () => {
      const forged = await as.viewer.request('GET', `/api/v1/personnel?search=${person.cnic}`, undefined, {
        'x-rasad-pii': '1',
        'x-rasad-districts': '*',
      });
      expect(forged.status).toBe(200);
      expect(ids(forged)).toEqual([]);
    });
  });
});
