import { smsSegments } from '../sms/segments';
import { DigestFacts } from './notice-facts';
import { renderNotice } from './render';

const digest: DigestFacts = {
  districtName: 'Haripur',
  assignments: 1200,
  ready: 1104,
  percentReady: 92,
  gaps: [
    { kind: 'meal', slot: 'dinner', date: '2027-02-08', people: 41, posts: 12 },
    { kind: 'briefing', slot: null, date: null, people: 30, posts: 9 },
    { kind: 'bed', slot: null, date: '2027-02-07', people: 12, posts: 4 },
  ],
  text:
    'Haripur: 92% ready (1104 of 1200 duties); 41 people at 12 posts without dinner on 8 Feb; ' +
    '30 people at 9 posts not fully briefed; 12 people at 4 posts without a bed on the night of 7 Feb.',
};

describe('the readiness digest notice', () => {
  it('says in English what readiness issued', () => {
    expect(renderNotice({ kind: 'readiness_digest', digest }, 'en', 'Asia/Karachi')).toBe(`Rasad: ${digest.text}`);
  });

  it('writes the same figures in Urdu, each gap with its local date', () => {
    const text = renderNotice({ kind: 'readiness_digest', digest }, 'ur', 'Asia/Karachi');
    expect(text).toBe(
      'رسد: Haripur: 92% تیار (1200 میں سے 1104 ڈیوٹیاں)؛ 12 پوسٹوں پر 41 افراد: 8 فروری رات کا کھانا نہیں؛ ' +
        '9 پوسٹوں پر 30 افراد: بریفنگ مکمل نہیں؛ 4 پوسٹوں پر 12 افراد: 7 فروری رات کے لیے بستر نہیں۔',
    );
    expect(smsSegments(text).encoding).toBe('ucs2');
  });

  it('says nothing is missing when nothing is', () => {
    const ready = { ...digest, ready: 1200, percentReady: 100, gaps: [], text: 'Haripur: 100% ready (1200 duties).' };
    expect(renderNotice({ kind: 'readiness_digest', digest: ready }, 'ur', 'UTC')).toBe(
      'رسد: Haripur: 100% تیار (1200 میں سے 1200 ڈیوٹیاں)؛ کچھ کمی نہیں۔',
    );
  });
});
