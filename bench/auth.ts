import { randomBytes } from 'node:crypto';

/** The bench's database is new on every run, so the gateway creates `admin` with this password on its first start. */
export const BENCH_ADMIN_PASSWORD = `bench-${randomBytes(16).toString('hex')}`;

/** Signs the gateway's tokens, so that the peer (bench/peer) can verify the same bearer token. */
export const BENCH_JWT_SECRET = randomBytes(32).toString('hex');

/**
 * Signs in as `admin` and returns the header that authenticates the bench's requests. A gateway without
 * sign-in (before the security work) answers 404 for the login route: then no header is needed.
 */
export async function authHeaders(gatewayUrl: string): Promise<Record<string, string>> {
  return signIn(gatewayUrl, 'admin', BENCH_ADMIN_PASSWORD);
}

/** A scoped caller: who reads duties in the API-read measurement. */
export interface Officer {
  headers: Record<string, string>;
  districtIds: string[];
}

/**
 * Creates a logistics officer of the districts with these codes, as an admin does through the users API, and signs
 * in as them: a district's officer reads only duties posted in their districts, which is the query the API read
 * measures.
 */
export async function scopedOfficer(gatewayUrl: string, districtCodes: string[]): Promise<Officer> {
  const admin = await authHeaders(gatewayUrl);
  const username = 'bench.officer';
  const password = `bench-${randomBytes(16).toString('hex')}`;
  const response = await fetch(`${gatewayUrl}/api/v1/users`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, role: 'logistics_officer', districtCodes }),
  });
  if (!response.ok) {
    throw new Error(`creating the bench's officer answered ${response.status}: ${await response.text()}`);
  }
  const { districtIds } = (await response.json()) as { districtIds: string[] };
  return { headers: await signIn(gatewayUrl, username, password), districtIds };
}

async function signIn(gatewayUrl: string, username: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${gatewayUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status === 404) {
    return {};
  }
  if (!response.ok) {
    throw new Error(`signing in as ${username} answered ${response.status}: ${await response.text()}`);
  }
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}
