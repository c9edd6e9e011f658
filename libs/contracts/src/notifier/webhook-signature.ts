import { createHmac, timingSafeEqual } from 'node:crypto';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` */
export const WEBHOOK_SIGNATURE_HEADER = 'x-rasad-signature';
/** The notice id: the same on every retry of one notice, so a receiver can drop repeats. */
export const WEBHOOK_NOTICE_ID_HEADER = 'x-rasad-notice-id';
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** What a notifier webhook POSTs (JSON). */
export interface WebhookNotice {
  id: string;
  eventId: string;
  eventType: string;
  personnelId: string;
  kind: string;
  language: string;
  text: string;
  /** E.164, so the receiver can reach the person. */
  phone: string | null;
  segments: number;
  encoding: 'gsm7' | 'ucs2';
  createdAt: string;
}

function digest(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The X-Rasad-Signature value for a body; the timestamp is signed with it so a captured request cannot be replayed later. */
export function signWebhook(
  secret: string,
  rawBody: string | Buffer,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v1=${digest(secret, timestamp, rawBody)}`;
}

export type WebhookVerdict = { valid: true; timestamp: number } | { valid: false; reason: string };

/**
 * Checks a received webhook: the raw body exactly as received (not re-serialized JSON), the signature header, and the
 * timestamp within `toleranceSeconds` of now. Compares in constant time.
 */
export function verifyWebhook(
  secret: string,
  rawBody: string | Buffer,
  header: string | undefined,
  { toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS, now = Date.now() } = {},
): WebhookVerdict {
  if (!header) {
    return { valid: false, reason: 'no signature header' };
  }
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) {
    return { valid: false, reason: 'malformed signature header' };
  }
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) {
    return { valid: false, reason: 'timestamp outside the tolerance' };
  }
  const expected = Buffer.from(digest(secret, timestamp, rawBody), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) {
    return { valid: false, reason: 'signature does not match' };
  }
  return { valid: true, timestamp };
}
