import { Geography, TestApi, createGeography, createPersonnel, personnelBody } from '@rasad/testing';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registeredRoutes } from '../apps/gateway/src/bootstrap';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';

const ZERO_ID = '0190b0c0-0000-7000-8000-000000000000';
const PASSWORD = 'a-long-enough-password';
// A person's calendar feed: calendar apps cannot send a JWT, so its unguessable, revocable link is the key. Refresh
// and logout take a refresh token, which is their credential.
// The web console's files and pages (`/*`): the page signs in through the API, which is what is guarded.
const PUBLIC = [
  /^\/\*$/,
  /^\/health$/,
  /^\/docs/,
  /^\/api\/v1\/auth\/(login|refresh|logout)$/,
  /^\/api\/v1\/calendar\/:file$/,
];
const LOG_FILE = join(tmpdir(), `rasad-security-${process.pid}.log`);

describe('security: sign-in, roles, district scoping, personal data, audit', () => {
  let rasad: RunningRasad;
  let admin: TestApi;
  let d1: Geography;
  let d2: Geography;
  const as: Record<string, TestApi> = {};

  async function user(username: string, role: string, districtIds: string[]): Promise<{ id: string; api: TestApi }> {
    const created = await admin.post('/api/v1/users', { username, password: PASSWORD, role, districtIds });
    expect(created.status).toBe(201);
    return { id: created.body.id, api: await rasad.anonymous.login(username, PASSWORD) };
  }

  beforeAll(async () => {
    rasad = await startRasad('security', { LOG_FILE, LOG_LEVEL: 'debug', LOGIN_ATTEMPTS_PER_MINUTE: '25' });
    admin = rasad.api;
    d1 = await createGeography(admin, 'SEC1');
    d2 = await createGeography(admin, 'SEC2');
    for (const [name, role, districts] of [
      ['officer.one', 'logistics_officer', [d1.districtId]],
      ['officer.two', 'logistics_officer', [d2.districtId]],
      ['briefer.one', 'briefing_officer', [d1.districtId]],
      ['viewer.one', 'viewer', [d1.districtId]],
    ] as const) {
      as[name] = (await user(name, role, [...districts])).api;
    }
  });

  afterAll(async () => {
    await rasad?.stop();
    rmSync(LOG_FILE, { force: true });
  });

  it('answers 401 without a token on every route the app registers, except health, docs, sign-in, calendar links and the console', async () => {
    const routes = registeredRoutes(rasad.gateway).filter(
      ({ method, url }) => !['HEAD', 'OPTIONS'].includes(method) && !PUBLIC.some((p) => p.test(url)),
    );
    expect(routes.length).toBeGreaterThan(35);
    for (const { method, url } of routes) {
      const path = url.replace(/:(\w+)/g, ZERO_ID);
      const response = await rasad.anonymous.request(method, path, method === 'GET' ? undefined : {});
      expect({ method, url, status: response.status }).toEqual({ method, url, status: 401 });
    }
    const forged = await rasad.anonymous.as('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl').get('/api/v1/posts');
    expect(forged.status).toBe(401);
    expect((await rasad.anonymous.get('/health')).status).toBe(200);
  });

  it('lets each role do what it may and answers 403 otherwise', async () => {
    const post = { name: 'Checkpoint Hattar', kind: 'checkpoint', policeStationId: d1.policeStationId };
    const matrix: [string, (api: TestApi, n: number) => Promise<{ status: number }>, Record<string, number>][] = [
      [
        'read posts',
        (api) => api.get(`/api/v1/posts?districtId=${d1.districtId}`),
        { admin: 200, officer: 200, briefer: 200, viewer: 200 },
      ],
      [
        'create a post',
        (api, n) => api.post('/api/v1/posts', { ...post, code: `SEC-CP-${n}` }),
        { admin: 201, officer: 201, briefer: 403, viewer: 403 },
      ],
      [
        'create a district',
        (api, n) => api.post('/api/v1/districts', { code: `SX${n}`, name: 'New' }),
        { admin: 201, officer: 403, briefer: 403, viewer: 403 },
      ],
      [
        'import personnel',
        (api) => api.csv('/api/v1/imports/personnel', 'serviceNumber\n'),
        { admin: 422, officer: 422, briefer: 403, viewer: 403 },
      ],
      ['list users', (api) => api.get('/api/v1/users'), { admin: 200, officer: 403, briefer: 403, viewer: 403 }],
      [
        'read the audit log',
        (api) => api.get('/api/v1/audit'),
        { admin: 200, officer: 403, briefer: 403, viewer: 403 },
      ],
      [
        'list dead letters',
        (api) => api.get('/api/v1/dead-letters'),
        { admin: 200, officer: 403, briefer: 403, viewer: 403 },
      ],
      ['read who I am', (api) => api.get('/api/v1/auth/me'), { admin: 200, officer: 200, briefer: 200, viewer: 200 }],
    ];
    const callers = { admin, officer: as['officer.one'], briefer: as['briefer.one'], viewer: as['viewer.one'] };
    let n = 0;
    for (const [what, call, expected] of matrix) {
      for (const [who, api] of Object.entries(callers)) {
        expect({ what, who, status: (await call(api, ++n)).status }).toEqual({ what, who, status: expected[who] });
      }
    }
  });

  it('hides every record of another district: 404 on each id-bearing route, absent from lists, 422 as a reference', async () => {
    const person = await createPersonnel(admin, d2);
    const duty = await admin.post('/api/v1/assignments', {
      personnelId: person.id,
      postId: d2.postId,
      role: 'guard',
      phase: 'poll_day',
      startsAt: '2027-02-08T06:00:00+05:00',
      endsAt: '2027-02-08T20:00:00+05:00',
    });
    expect(duty.status).toBe(201);
    const theirs: Record<string, string> = {
      districts: d2.districtId,
      tehsils: d2.tehsilId,
      'police-stations': d2.policeStationId,
      units: d2.unitId,
      posts: d2.postId,
      personnel: person.id,
      assignments: duty.body.id,
    };
    const officer = as['officer.one'];
    for (const [resource, id] of Object.entries(theirs)) {
      expect({ resource, get: (await officer.get(`/api/v1/${resource}/${id}`)).status }).toEqual({
        resource,
        get: 404,
      });
      const change = resource === 'assignments' ? { role: 'qrf' } : { name: 'Taken over' };
      const patched = await officer.patch(`/api/v1/${resource}/${id}`, change);
      expect({ resource, patch: patched.status }).toEqual({ resource, patch: 404 });
      const list = await officer.get(`/api/v1/${resource}?limit=500`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
      expect((await as['officer.two'].get(`/api/v1/${resource}/${id}`)).status).toBe(200);
    }
    expect((await officer.post(`/api/v1/assignments/${duty.body.id}/cancel`, {})).status).toBe(404);
    expect((await officer.get(`/api/v1/personnel?districtId=${d2.districtId}`)).body.items).toEqual([]);

    const mine = await createPersonnel(officer, d1);
    const references = [
      [
        'posts',
        { code: 'SEC-X1', name: 'Their checkpoint', kind: 'checkpoint', policeStationId: d2.policeStationId },
        'policeStationId',
      ],
      ['personnel', personnelBody(d1, { unitId: d2.unitId }), 'unitId'],
      [
        'assignments',
        {
          personnelId: mine.id,
          postId: d2.postId,
          role: 'guard',
          phase: 'poll_day',
          startsAt: '2027-02-09T06:00:00+05:00',
          endsAt: '2027-02-09T20:00:00+05:00',
        },
        'postId',
      ],
      [
        'assignments',
        {
          personnelId: person.id,
          postId: d1.postId,
          role: 'guard',
          phase: 'poll_day',
          startsAt: '2027-02-09T06:00:00+05:00',
          endsAt: '2027-02-09T20:00:00+05:00',
        },
        'personnelId',
      ],
    ] as const;
    for (const [resource, body, field] of references) {
      const response = await officer.post(`/api/v1/${resource}`, body);
      expect({ resource, field, status: response.status }).toEqual({ resource, field, status: 422 });
      expect(response.body.errors[0].field).toBe(field);
    }
    const imported = await officer.csv(
      '/api/v1/imports/assignments',
      `serviceNumber,postCode,role,startsAt,endsAt,phase\n${person.serviceNumber},SEC2-P1,guard,2027-02-10T06:00:00+05:00,2027-02-10T20:00:00+05:00,poll_day`,
    );
    expect(imported.status).toBe(422);
    expect(imported.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['postCode', 'serviceNumber']);
  });

  it('shows CNIC and phone only to admins and logistics officers, auditing each such read', async () => {
    const person = await createPersonnel(admin, d1, { cnic: '13302-5550001-3', phone: '+923005550001' });
    const masked = await as['viewer.one'].get(`/api/v1/personnel/${person.id}`);
    expect(masked.body).toMatchObject({ cnic: '*****-*******-3', phone: '+92*******001' });
    const listed = await as['briefer.one'].get(`/api/v1/personnel?districtId=${d1.districtId}`);
    expect(listed.body.items.every((p: { cnic: string }) => p.cnic.startsWith('*****'))).toBe(true);

    const full = await as['officer.one'].get(`/api/v1/personnel/${person.id}`);
    expect(full.body).toMatchObject({ cnic: '13302-5550001-3', phone: '+923005550001' });
    const audit = await admin.get(`/api/v1/audit?action=read_pii&actor=officer.one`);
    expect(audit.body.items[0]).toMatchObject({ entity: 'personnel', entityId: person.id, actor: 'officer.one' });
  });

  it('records every change with who, what, before and after', async () => {
    const officer = as['officer.one'];
    const created = await officer.post('/api/v1/posts', {
      code: 'SEC-AUD',
      name: 'Before',
      kind: 'checkpoint',
      policeStationId: d1.policeStationId,
    });
    await officer.patch(`/api/v1/posts/${created.body.id}`, { name: 'After' });
    const audit = await admin.get(`/api/v1/audit?entity=post&entityId=${created.body.id}`);
    expect(audit.body.items).toHaveLength(2);
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      actor: 'officer.one',
      before: { name: 'Before' },
      after: { name: 'After' },
      requestId: expect.any(String),
    });
    expect(audit.body.items[1]).toMatchObject({ action: 'create', before: null, after: { code: 'SEC-AUD' } });
  });

  it('ends a disabled user’s access at once', async () => {
    const temp = await user('temp.user', 'viewer', [d1.districtId]);
    expect((await temp.api.get('/api/v1/posts')).status).toBe(200);
    expect((await admin.patch(`/api/v1/users/${temp.id}`, { disabled: true })).status).toBe(200);
    expect((await temp.api.get('/api/v1/posts')).status).toBe(401);
    expect(
      (await rasad.anonymous.post('/api/v1/auth/login', { username: 'temp.user', password: PASSWORD })).status,
    ).toBe(401);
  });

  it('never writes a CNIC or phone number to the logs', async () => {
    const cnic = '13302-7770007-1';
    const phone = '+923337770007';
    const person = await createPersonnel(as['officer.one'], d1, { cnic, phone });
    await as['officer.one'].get(`/api/v1/personnel?search=${cnic}`);
    await as['officer.one'].get(`/api/v1/personnel?search=${encodeURIComponent(phone)}`);
    await as['officer.one'].patch(`/api/v1/personnel/${person.id}`, { phone: '0333-7770008' });
    await as['officer.one'].post('/api/v1/personnel', { ...personnelBody(d1), cnic, phone: 'not-a-phone' });
    await as['officer.one'].csv(
      '/api/v1/imports/personnel',
      `serviceNumber,name,rank,unitId,homeDistrictId,cnic,phone,gender,travelMode\nLOG-1,Log Test,general,${d1.unitId},${d1.districtId},${cnic},${phone},male,provided`,
    );
    const logs = readFileSync(LOG_FILE, 'utf8');
    expect(logs.length).toBeGreaterThan(1000);
    expect(logs).toContain('/api/v1/personnel?search=');
    for (const secret of [cnic, '7770007', phone, '3337770008', PASSWORD]) {
      expect({ secret, found: logs.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  it('rate-limits login with 429 and Retry-After', async () => {
    let response = await rasad.anonymous.post('/api/v1/auth/login', { username: 'nobody', password: 'wrong' });
    for (let i = 0; i < 30 && response.status !== 429; i++) {
      response = await rasad.anonymous.post('/api/v1/auth/login', { username: 'nobody', password: 'wrong' });
    }
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('sets security headers and refuses oversized bodies', async () => {
    const response = await rasad.anonymous.get('/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    const huge = await admin.post('/api/v1/districts', { code: 'BIG', name: 'x'.repeat(800 * 1024) });
    expect(huge.status).toBe(413);
  });
});
