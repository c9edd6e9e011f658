import { loadEnv } from '@rasad/common';
import { Geography, TestApi, createGeography, personnelBody } from '@rasad/testing';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createBriefings } from '../apps/briefings/src/bootstrap';
import { BriefingsEnv } from '../apps/briefings/src/briefings.env';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PasswordHasher } from '../apps/gateway/src/auth/password-hasher';

const PASSWORD = 'a-long-enough-password';

let forwarded = 0;
/** A client address never used before, as an attacker would forge in X-Forwarded-For. */
function freshAddress(): Record<string, string> {
  forwarded++;
  return { 'x-forwarded-for': `198.51.${Math.floor(forwarded / 250)}.${forwarded % 250}` };
}

function login(api: TestApi, username: string, password: string, headers: Record<string, string> = {}) {
  return api.request('POST', '/api/v1/auth/login', { username, password }, headers);
}

describe('gateway security: no proxy trusted (the default)', () => {
  let rasad: RunningRasad;

  beforeAll(async () => {
    rasad = await startRasad(
      'sec-gw-direct',
      {},
      { gateway: { LOGIN_ATTEMPTS_PER_MINUTE: '5', CALENDAR_FEEDS_PER_MINUTE: '3' } },
    );
  });

  afterAll(async () => {
    await rasad?.stop();
  });

  it('limits login per address even when every request forges a fresh X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await login(rasad.anonymous, `guess.${i}`, 'wrong', freshAddress())).status);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });

  it('limits calendar feed requests per address: guessing links costs 429s', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const token = randomBytes(32).toString('base64url');
      statuses.push(
        (await rasad.anonymous.request('GET', `/api/v1/calendar/${token}.ics`, undefined, freshAddress())).status,
      );
    }
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });
});

describe('gateway security: behind a trusted proxy', () => {
  let rasad: RunningRasad;
  let admin: TestApi;

  async function user(username: string, role = 'viewer'): Promise<string> {
    const created = await admin.post('/api/v1/users', { username, password: PASSWORD, role, districtIds: [] });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  beforeAll(async () => {
    rasad = await startRasad(
      'sec-gw-proxied',
      {},
      {
        gateway: {
          TRUST_PROXY: '127.0.0.1',
          LOGIN_ATTEMPTS_PER_MINUTE: '1000',
          LOGIN_FAILURES_PER_USERNAME: '3',
          PASSWORD_HASHES_AT_ONCE: '2',
          PASSWORD_HASH_QUEUE: '4',
          // A service that is never there: its failure must show in /health without saying why.
          RASAD_SERVICES: 'roster,ghost',
        },
      },
    );
    admin = rasad.api;
  });

  afterAll(async () => {
    await rasad?.stop();
  });

  it('limits failed sign-ins per username across many addresses, even for the right password', async () => {
    await user('target.user');
    for (let i = 0; i < 3; i++) {
      expect((await login(rasad.anonymous, 'target.user', `guess-${i}`, freshAddress())).status).toBe(401);
    }
    const blocked = await login(rasad.anonymous, 'target.user', 'guess-4', freshAddress());
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(rasad.anonymous, 'target.user', PASSWORD, freshAddress())).status).toBe(429);
    // Another account is not held back by it.
    await user('bystander.user');
    expect((await login(rasad.anonymous, 'bystander.user', PASSWORD, freshAddress())).status).toBe(200);
  });

  it('computes at most PASSWORD_HASHES_AT_ONCE hashes together under a login flood, and asks the rest to retry', async () => {
    await user('flood.user');
    const limit = rasad.gateway.get(PasswordHasher).limit;
    limit.peak = 0;
    const flood = await Promise.all(
      Array.from({ length: 40 }, () => login(rasad.anonymous, 'flood.user', PASSWORD, freshAddress())),
    );
    const statuses = flood.map((r) => r.status);
    expect(limit.peak).toBe(2);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses).toContain(200);
    const refused = flood.find((r) => r.status === 503)!;
    expect(refused).toBeDefined();
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await login(rasad.anonymous, 'flood.user', PASSWORD, freshAddress())).status).toBe(200);
  });

  async function signIn(username: string, password = PASSWORD) {
    const response = await login(rasad.anonymous, username, password, freshAddress());
    expect(response.status).toBe(200);
    return { api: rasad.anonymous.as(response.body.accessToken), refreshToken: response.body.refreshToken as string };
  }

  function refresh(refreshToken: string) {
    return rasad.anonymous.post('/api/v1/auth/refresh', { refreshToken });
  }

  it('ends a user’s tokens and sessions at once when their password changes or they are disabled', async () => {
    const id = await user('changing.password');
    const before = await signIn('changing.password');
    expect((await before.api.get('/api/v1/auth/me')).status).toBe(200);
    expect((await admin.patch(`/api/v1/users/${id}`, { password: 'another-long-password' })).status).toBe(200);
    expect((await before.api.get('/api/v1/auth/me')).status).toBe(401);
    expect((await refresh(before.refreshToken)).status).toBe(401);
    const after = await signIn('changing.password', 'another-long-password');
    expect((await after.api.get('/api/v1/auth/me')).status).toBe(200);

    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await after.api.get('/api/v1/auth/me')).status).toBe(401);
    expect((await refresh(after.refreshToken)).status).toBe(401);
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: false })).status).toBe(200);
    expect((await refresh(after.refreshToken)).status).toBe(401);
  });

  it('ends access tokens when a user’s role changes; a refresh then carries the new role', async () => {
    const id = await user('changing.role');
    const session = await signIn('changing.role');
    expect((await session.api.get('/api/v1/auth/me')).body.role).toBe('viewer');
    expect((await admin.patch(`/api/v1/users/${id}`, { role: 'logistics_officer' })).status).toBe(200);
    expect((await session.api.get('/api/v1/auth/me')).status).toBe(401);
    const refreshed = await refresh(session.refreshToken);
    expect(refreshed.status).toBe(200);
    const me = await rasad.anonymous.as(refreshed.body.accessToken).get('/api/v1/auth/me');
    expect(me.body.role).toBe('logistics_officer');
  });

  it('rotates refresh tokens: a spent one is refused, and sending it again ends the whole session', async () => {
    await user('refreshing.user');
    const signedIn = await login(rasad.anonymous, 'refreshing.user', PASSWORD, freshAddress());
    expect(signedIn.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: expect.any(Number),
    });
    const first = signedIn.body.refreshToken;
    const second = await refresh(first);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first);
    const third = await refresh(second.body.refreshToken);
    expect(third.status).toBe(200);
    // A stolen copy of the first token is played back: refused, and the holder's live token dies with it.
    expect((await refresh(first)).status).toBe(401);
    expect((await refresh(third.body.refreshToken)).status).toBe(401);
    expect((await refresh('not-a-token-anyone-was-ever-given')).status).toBe(401);

    const db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ token_sha256: Buffer }>('select token_sha256 from gateway.refresh_token');
      const stored = rows.map((r) => r.token_sha256.toString('hex'));
      expect(stored).toContain(createHash('sha256').update(first).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(first);
    } finally {
      await db.end();
    }
  });

  it('signs out: the refresh token of a session that logged out is refused', async () => {
    await user('leaving.user');
    const session = await signIn('leaving.user');
    expect((await rasad.anonymous.post('/api/v1/auth/logout', { refreshToken: session.refreshToken })).status).toBe(
      204,
    );
    expect((await refresh(session.refreshToken)).status).toBe(401);
  });

  it('keeps a failed sign-in’s typed username in the audit log only when it names a user', async () => {
    await user('known.user');
    const typedPassword = 'Correct-Horse-Typed-In-Username-Box';
    expect((await login(rasad.anonymous, typedPassword, 'whatever', freshAddress())).status).toBe(401);
    expect((await login(rasad.anonymous, 'known.user', 'wrong-password', freshAddress())).status).toBe(401);
    const audit = await admin.get('/api/v1/audit?action=login_failed&limit=500');
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).not.toContain(typedPassword);
    expect(audit.body.items.map((e: { after: unknown }) => e.after)).toEqual(
      expect.arrayContaining([{ username: 'known.user' }, { username: null }]),
    );
  });

  it('tells anyone only whether each part is up, and an admin what is wrong', async () => {
    const health = await rasad.anonymous.get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({
      status: 'error',
      info: { roster: { status: 'up' }, postgres: { status: 'up' }, nats: { status: 'up' } },
      error: { ghost: { status: 'down' } },
      details: {
        roster: { status: 'up' },
        ghost: { status: 'down' },
        postgres: { status: 'up' },
        nats: { status: 'up' },
      },
    });
    const natsPort = new URL(rasad.commonEnv.NATS_URL).port;
    expect(JSON.stringify(health.body)).not.toContain(natsPort);

    expect((await rasad.anonymous.get('/api/v1/health/details')).status).toBe(401);
    const viewer = await user('health.viewer');
    expect(viewer).toBeTruthy();
    expect((await (await signIn('health.viewer')).api.get('/api/v1/health/details')).status).toBe(403);
    const details = await admin.get('/api/v1/health/details');
    expect(details.status).toBe(503);
    expect(details.body.error.ghost).toEqual({ status: 'down', message: expect.any(String) });
    expect(details.body.info.nats.server).toContain(natsPort);
  });

  it('refuses a CSV row larger than IMPORT_MAX_ROW_KB with a 422 naming the row', async () => {
    const header = 'serviceNumber,name,rank,unitId,homeDistrictId,cnic,phone,gender,travelMode';
    const giant = `HUGE-1,${'x'.repeat(100 * 1024)},constable,,,13302-1110001-1,03001110001,male,provided`;
    const response = await admin.csv('/api/v1/imports/personnel', `${header}\n${giant}\n`);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ row: 2, field: '(row)', message: expect.stringContaining('64 KB') }]);
    // An unclosed quote would otherwise swallow the rest of the file into one cell.
    const unclosed = await admin.csv('/api/v1/imports/personnel', `${header}\nOPEN-1,"${'y'.repeat(70 * 1024)}`);
    expect(unclosed.status).toBe(422);
    expect(unclosed.body.errors[0]).toMatchObject({ row: 2, message: expect.stringContaining('64 KB') });
  });
});

describe('gateway security: CNICs and phones stay out of logs, audit images and dead letters', () => {
  const logs = mkdtempSync(join(tmpdir(), 'rasad-pii-logs-'));
  const logFile = (app: string) => join(logs, `${app}.log`);
  // The fixtures, and every way they may be written: dashed or not, +92 or 03, the digits alone.
  const people = [
    { cnic: '13302-6660001-5', phone: '+923214440001' },
    { cnic: '13302-6660002-7', phone: '0321-4440002' },
    { cnic: '13302-6660003-9', phone: '03214440003' },
  ];
  const secrets = people.flatMap(({ cnic, phone }) => {
    const mobile = phone.replace(/\D/g, '').slice(-10);
    return [
      cnic,
      cnic.replace(/-/g, ''),
      cnic.split('-')[1],
      `+92${mobile}`,
      `0${mobile}`,
      `0${mobile.slice(0, 3)}-${mobile.slice(3)}`,
      mobile,
    ];
  });
  let rasad: RunningRasad;
  let admin: TestApi;
  let geo: Geography;

  beforeAll(async () => {
    rasad = await startRasad(
      'sec-gw-pii',
      { LOG_LEVEL: 'debug' },
      {
        roster: { LOG_FILE: logFile('roster') },
        gateway: {
          LOG_FILE: logFile('gateway'),
          RASAD_SERVICES: 'roster,briefings,notifier',
          RASAD_EVENT_CONSUMERS: 'briefings,notifier',
        },
      },
      {
        services: [
          (env) => createBriefings(loadEnv(BriefingsEnv, { ...env, LOG_FILE: logFile('briefings') })),
          (env) => createNotifier(loadEnv(NotifierEnv, { ...env, LOG_FILE: logFile('notifier') })),
        ],
      },
    );
    admin = rasad.api;
    geo = await createGeography(admin, 'PII');
  });

  afterAll(async () => {
    await rasad?.stop();
    rmSync(logs, { recursive: true, force: true });
  });

  it('drives personnel create, update and import, failures included, and finds no CNIC or phone in any log or the audit log', async () => {
    const [first, second, third] = people;
    const created = await admin.post('/api/v1/personnel', personnelBody(geo, first));
    expect(created.status).toBe(201);
    expect((await admin.patch(`/api/v1/personnel/${created.body.id}`, { phone: second.phone })).status).toBe(200);
    // Failing requests: a CNIC already taken, a phone that is not one, an import row that does not validate.
    expect((await admin.post('/api/v1/personnel', personnelBody(geo, { cnic: first.cnic }))).status).toBe(409);
    expect(
      (await admin.post('/api/v1/personnel', personnelBody(geo, { cnic: third.cnic, phone: '0321-44' }))).status,
    ).toBe(400);
    const header = 'serviceNumber,name,rank,unitId,homeDistrictId,cnic,phone,gender,travelMode';
    const row = (n: string, cnic: string, phone: string) =>
      `${n},Imported Person,constable,${geo.unitId},${geo.districtId},${cnic},${phone},male,provided`;
    const bad = await admin.csv('/api/v1/imports/personnel', `${header}\n${row('PII-2', second.cnic, '0321-4440')}\n`);
    expect(bad.status).toBe(422);
    const good = await admin.csv('/api/v1/imports/personnel', `${header}\n${row('PII-3', third.cnic, third.phone)}\n`);
    expect(good.status).toBe(200);
    expect((await admin.get(`/api/v1/personnel?search=${encodeURIComponent(third.cnic)}`)).body.items).toHaveLength(1);

    const audit = await admin.get('/api/v1/audit?limit=500');
    const images = audit.body.items.filter((e: { entity: string }) => e.entity === 'personnel');
    expect(images.find((e: { action: string }) => e.action === 'update')).toMatchObject({
      before: { cnic: '*****-*******-5', phone: '+92*******001' },
      after: { cnic: '*****-*******-5', phone: '+92*******002' },
    });
    const written: Record<string, string> = { audit: JSON.stringify(audit.body) };
    for (const file of readdirSync(logs)) {
      written[file] = readFileSync(join(logs, file), 'utf8');
    }
    expect(Object.keys(written).sort()).toEqual([
      'audit',
      'briefings.log',
      'gateway.log',
      'notifier.log',
      'roster.log',
    ]);
    expect(written['gateway.log']).toContain('/api/v1/personnel');
    for (const [where, text] of Object.entries(written)) {
      for (const secret of secrets) {
        expect({ where, secret, found: text.includes(secret) }).toEqual({ where, secret, found: false });
      }
    }
  });

  it('masks CNICs and phones in the dead letters it lists, even for an admin', async () => {
    const db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    try {
      const eventId = uuidv7();
      const envelope = {
        id: eventId,
        type: 'evt.roster.personnel.updated.v1',
        payload: { personnel: { id: uuidv7(), cnic: people[0].cnic, phone: people[0].phone } },
      };
      await db.query(
        `insert into briefings.dead_letter (id, event_id, subject, envelope, error, deliveries)
         values ($1, $2, $3, $4, $5, 5)`,
        [uuidv7(), eventId, envelope.type, JSON.stringify(envelope), `no invitation for ${people[1].phone}`],
      );
    } finally {
      await db.end();
    }
    const listed = await admin.get('/api/v1/dead-letters?service=briefings');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    const text = JSON.stringify(listed.body);
    expect(text).toContain('*****-*******-5');
    for (const secret of secrets) {
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    }
  });
});
