import { randomBytes } from 'node:crypto';

/** The bench's database is new on every run, so the gateway creates `admin` with this password on its first start. */
export const BENCH_ADMIN_PASSWORD = `bench-${randomBytes(16).toString('hex')}`;

/**
 * Signs in as `admin` and returns the header that authenticates the bench's requests. A gateway without
 * sign-in (before the security work) answers 404 for the login route: then no header is needed.
 */
export async function authHeaders(gatewayUrl: string): Promise<Record<string, string>> {
  const response = await fetch(`${gatewayUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: BENCH_ADMIN_PASSWORD }),
  });
  if (response.status === 404) {
    return {};
  }
  if (!response.ok) {
    throw new Error(`signing in as admin answered ${response.status}: ${await response.text()}`);
  }
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}
