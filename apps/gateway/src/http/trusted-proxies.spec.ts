import { loadEnv } from '@rasad/common';
import { GatewayEnv } from '../gateway.env';
import { trustedProxies } from './trusted-proxies';

describe('trustedProxies', () => {
  it('trusts no proxy unless told', () => {
    expect(trustedProxies(undefined)).toBe(false);
    expect(trustedProxies(loadEnv(GatewayEnv, { DATABASE_URL: 'postgres://x/y' }).TRUST_PROXY)).toBe(false);
  });

  it('takes a hop count or a list of addresses and CIDRs', () => {
    expect(trustedProxies('1')).toBe(1);
    expect(trustedProxies('10.0.0.0/8, 127.0.0.1,::1')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
  });

  it('refuses anything else at start-up, `true` included', () => {
    for (const value of ['true', 'all', '10.0.0.1;rm']) {
      expect(() => loadEnv(GatewayEnv, { DATABASE_URL: 'postgres://x/y', TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    }
  });
});
