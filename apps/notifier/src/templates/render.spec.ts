import { smsSegments } from '../sms/segments';
import { SessionFacts } from './notice-facts';
import { checkTimeZone } from './clock';
import { renderNotice } from './render';

const KARACHI = 'Asia/Karachi';
const session: SessionFacts = {
  title: 'Code of conduct',
  venueName: 'Govt High School No. 1',
  venueAddress: 'GT Road, Haripur',
  // 10:00 in Karachi (UTC+5)
  startsAt: '2027-02-05T05:00:00.000Z',
};

describe('renderNotice', () => {
  it('renders an English invitation with the local time, title, venue and address', () => {
    const text = renderNotice({ kind: 'briefing_invitation', session }, 'en', KARACHI);
    expect(text).toBe(
      'Rasad: You are invited to briefing "Code of conduct" on Fri 5 Feb 2027, 10:00 at Govt High School No. 1, GT Road, Haripur.',
    );
    expect(smsSegments(text)).toMatchObject({ encoding: 'gsm7', segments: 1 });
  });

  it('renders the same invitation in Urdu, with Urdu day and month names', () => {
    const text = renderNotice({ kind: 'briefing_invitation', session }, 'ur', KARACHI);
    expect(text).toBe(
      'رسد: آپ کو بریفنگ "Code of conduct" میں مدعو کیا گیا ہے: جمعہ 5 فروری 2027، 10:00، Govt High School No. 1، GT Road, Haripur۔',
    );
    expect(smsSegments(text).encoding).toBe('ucs2');
  });

  it('shows the old and the new time of a rescheduled briefing', () => {
    const moved = { ...session, startsAt: '2027-02-06T06:30:00.000Z' };
    const en = renderNotice(
      { kind: 'briefing_rescheduled', session: moved, previousStartsAt: session.startsAt },
      'en',
      KARACHI,
    );
    expect(en).toContain('moved from Fri 5 Feb 2027, 10:00 to Sat 6 Feb 2027, 11:30');
    const ur = renderNotice(
      { kind: 'briefing_rescheduled', session: moved, previousStartsAt: session.startsAt },
      'ur',
      KARACHI,
    );
    expect(ur).toContain('جمعہ 5 فروری 2027، 10:00 سے بدل کر ہفتہ 6 فروری 2027، 11:30');
  });

  it('renders cancellations, withdrawn invitations and reminders in both languages', () => {
    expect(renderNotice({ kind: 'briefing_cancelled', session }, 'en', KARACHI)).toBe(
      'Rasad: Briefing "Code of conduct" on Fri 5 Feb 2027, 10:00 at Govt High School No. 1 is cancelled.',
    );
    expect(renderNotice({ kind: 'briefing_cancelled', session }, 'ur', KARACHI)).toContain('منسوخ');
    expect(renderNotice({ kind: 'briefing_invitation_cancelled', session }, 'en', KARACHI)).toContain(
      'no longer expected',
    );
    expect(renderNotice({ kind: 'briefing_invitation_cancelled', session }, 'ur', KARACHI)).toContain('متوقع نہیں');
    expect(renderNotice({ kind: 'briefing_reminder', session, offsetSeconds: 86_400 }, 'en', KARACHI)).toContain(
      'in 24 hours, Fri 5 Feb 2027, 10:00',
    );
    expect(renderNotice({ kind: 'briefing_reminder', session, offsetSeconds: 3600 }, 'en', KARACHI)).toContain(
      'in 1 hour,',
    );
    expect(renderNotice({ kind: 'briefing_reminder', session, offsetSeconds: 90 }, 'en', KARACHI)).toContain(
      'in 2 minutes,',
    );
    expect(renderNotice({ kind: 'briefing_reminder', session, offsetSeconds: 7200 }, 'ur', KARACHI)).toContain(
      'یاددہانی: بریفنگ "Code of conduct" 2 گھنٹے بعد',
    );
  });

  it('renders a duty window in local time, without repeating the date when it ends the same day', () => {
    const duty = {
      postName: 'Polling station GPS Kotnajibullah',
      postCode: 'HRP-PS-001',
      startsAt: '2027-02-08T01:00:00.000Z',
      endsAt: '2027-02-08T15:00:00.000Z',
    };
    expect(renderNotice({ kind: 'duty_posted', duty }, 'en', KARACHI)).toBe(
      'Rasad: You are posted to Polling station GPS Kotnajibullah (HRP-PS-001), Mon 8 Feb 2027, 06:00-20:00.',
    );
    expect(renderNotice({ kind: 'duty_posted', duty }, 'ur', KARACHI)).toBe(
      'رسد: آپ کی ڈیوٹی Polling station GPS Kotnajibullah (HRP-PS-001) پر لگائی گئی ہے: پیر 8 فروری 2027، 06:00 تا 20:00۔',
    );
    const overnight = { ...duty, endsAt: '2027-02-08T21:00:00.000Z' };
    expect(renderNotice({ kind: 'duty_changed', duty: overnight }, 'en', KARACHI)).toContain(
      'Mon 8 Feb 2027, 06:00-Tue 9 Feb 2027, 02:00',
    );
  });

  it('follows the configured time zone', () => {
    expect(renderNotice({ kind: 'briefing_invitation', session }, 'en', 'UTC')).toContain('Fri 5 Feb 2027, 05:00');
  });

  it('refuses an unknown time zone at start-up', () => {
    expect(() => checkTimeZone('Asia/Karachi')).not.toThrow();
    expect(() => checkTimeZone('Asia/Haripur')).toThrow(/RASAD_TIME_ZONE Asia\/Haripur is not an IANA time zone/);
  });
});
