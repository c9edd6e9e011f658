/**
 * TRUST_PROXY as Fastify takes it: a hop count, a list of addresses and CIDRs, or (unset) no proxy at all, so that
 * the client address the rate limits count is the connection's and a forged X-Forwarded-For changes nothing.
 */
export function trustedProxies(setting: string | undefined): number | string[] | false {
  if (!setting) {
    return false;
  }
  return /^\d+$/.test(setting) ? Number(setting) : setting.split(',').map((entry) => entry.trim());
}
