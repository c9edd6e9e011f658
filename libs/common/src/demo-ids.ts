import { createHash } from 'node:crypto';

/**
 * A name-based (version 5 style) UUID: the same key always gives the same id, so re-seeding is idempotent, and a
 * service's demo data can name the roster's demo records (`district:HRP`, `tehsil:HRP-GHZ`) without asking for them.
 */
export function demoUuid(key: string): string {
  const hex = createHash('sha1').update(`rasad-demo:${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
