import { TestApi } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
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
    rasad = await startRasad('sec-gw-direct', {}, { gateway: { LOGIN_ATTEMPTS_PER_MINUTE: '5' } });
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
});
