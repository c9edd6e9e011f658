import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

const SECRET = 'a-webhook-secret-of-at-least-32-characters';
const BODY = JSON.stringify({ id: 'n1', text: 'بریفنگ 10:00' });

describe('webhook signatures', () => {
  it('signs "<t>.<raw body>" with HMAC-SHA256 in the documented header format', () => {
    const header = signWebhook(SECRET, BODY, 1_800_000_000);
    const hex = createHmac('sha256', SECRET).update(`1800000000.${BODY}`).digest('hex');
    expect(header).toBe(`t=1800000000,v1=${hex}`);
  });

  it('accepts its own signature within the tolerance', () => {
    const header = signWebhook(SECRET, BODY, 1_800_000_000);
    expect(verifyWebhook(SECRET, BODY, header, { now: 1_800_000_100_000 })).toEqual({
      valid: true,
      timestamp: 1_800_000_000,
    });
    expect(verifyWebhook(SECRET, Buffer.from(BODY), header, { now: 1_800_000_000_000 }).valid).toBe(true);
  });

  it('refuses a changed body, another secret, an old timestamp and a malformed header', () => {
    const header = signWebhook(SECRET, BODY, 1_800_000_000);
    const now = 1_800_000_000_000;
    expect(verifyWebhook(SECRET, `${BODY} `, header, { now })).toMatchObject({ valid: false });
    expect(verifyWebhook(`${SECRET}x`, BODY, header, { now })).toMatchObject({ valid: false });
    expect(verifyWebhook(SECRET, BODY, header, { now: now + 301_000 })).toEqual({
      valid: false,
      reason: 'timestamp outside the tolerance',
    });
    expect(verifyWebhook(SECRET, BODY, 't=abc,v1=00', { now })).toMatchObject({ valid: false });
    expect(verifyWebhook(SECRET, BODY, undefined, { now })).toMatchObject({ valid: false });
    const forged = header.replace(/v1=(.)/, (_m, c: string) => `v1=${c === 'a' ? 'b' : 'a'}`);
    expect(verifyWebhook(SECRET, BODY, forged, { now })).toEqual({ valid: false, reason: 'signature does not match' });
  });
});
