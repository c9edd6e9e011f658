import { renderNotice } from './render';

describe('calendar link notice', () => {
  const url = 'https://rasad.example.pk/api/v1/calendar/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics';

  it('gives the whole link, untouched, in English and Urdu', () => {
    const english = renderNotice({ kind: 'calendar_link', url }, 'en', 'Asia/Karachi');
    expect(english).toBe(`Rasad: briefings calendar for your phone (keep private): ${url}`);
    const urdu = renderNotice({ kind: 'calendar_link', url }, 'ur', 'Asia/Karachi');
    expect(urdu.startsWith('رسد:')).toBe(true);
    expect(urdu.endsWith(url)).toBe(true);
  });
});
