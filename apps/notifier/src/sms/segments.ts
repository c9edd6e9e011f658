/** GSM 03.38 basic character set: one septet each. */
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: each costs an escape septet plus its own, so two. */
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
};

/**
 * How many SMS parts a text needs. Any character outside GSM-7 (Urdu, emoji) makes the whole message UCS-2, counted
 * in UTF-16 code units (an emoji is two). A concatenated message loses 7 septets (3 code units) per part to its header.
 */
export function smsSegments(text: string): SmsSegments {
  let septets = 0;
  let gsm7 = true;
  for (const char of text) {
    if (GSM7_BASIC.has(char)) {
      septets += 1;
    } else if (GSM7_EXTENSION.has(char)) {
      septets += 2;
    } else {
      gsm7 = false;
      break;
    }
  }
  const encoding: SmsEncoding = gsm7 ? 'gsm7' : 'ucs2';
  const units = gsm7 ? septets : text.length;
  const { single, part } = LIMITS[encoding];
  const segments = units === 0 ? 1 : units <= single ? 1 : Math.ceil(units / part);
  return { encoding, units, segments };
}
