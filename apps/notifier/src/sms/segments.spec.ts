import { smsSegments } from './segments';

describe('smsSegments', () => {
  it('counts plain English as GSM-7: 160 in one part, then 153 per part', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(smsSegments('a'.repeat(306))).toEqual({ encoding: 'gsm7', units: 306, segments: 2 });
    expect(smsSegments('a'.repeat(307))).toEqual({ encoding: 'gsm7', units: 307, segments: 3 });
  });

  it('counts extension characters as two septets', () => {
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'gsm7', units: 160, segments: 1 });
    expect(smsSegments(`${'a'.repeat(159)}[`)).toEqual({ encoding: 'gsm7', units: 161, segments: 2 });
    expect(smsSegments('{}[]~^|\\')).toMatchObject({ units: 16 });
  });

  it('keeps GSM-7 accented letters and symbols in GSM-7', () => {
    expect(smsSegments('Café @ 10:00 £5 ¿Ñ?')).toMatchObject({ encoding: 'gsm7', units: 19 });
  });

  it('switches the whole message to UCS-2 for Urdu: 70 in one part, then 67 per part', () => {
    expect(smsSegments('ب'.repeat(70))).toEqual({ encoding: 'ucs2', units: 70, segments: 1 });
    expect(smsSegments('ب'.repeat(71))).toEqual({ encoding: 'ucs2', units: 71, segments: 2 });
    expect(smsSegments('ب'.repeat(134))).toEqual({ encoding: 'ucs2', units: 134, segments: 2 });
    expect(smsSegments('ب'.repeat(135))).toEqual({ encoding: 'ucs2', units: 135, segments: 3 });
    expect(smsSegments(`بریفنگ ${'a'.repeat(100)}`)).toMatchObject({ encoding: 'ucs2', units: 107, segments: 2 });
  });

  it('counts UTF-16 code units, so an emoji is two', () => {
    expect(smsSegments('👍')).toEqual({ encoding: 'ucs2', units: 2, segments: 1 });
    expect(smsSegments('👍'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
    expect(smsSegments('👍'.repeat(36))).toMatchObject({ units: 72, segments: 2 });
  });

  it('needs one part for an empty text', () => {
    expect(smsSegments('')).toEqual({ encoding: 'gsm7', units: 0, segments: 1 });
  });
});
