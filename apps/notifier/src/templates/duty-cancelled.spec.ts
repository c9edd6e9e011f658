import { renderNotice } from './render';

const duty = {
  postName: 'Govt. Primary School Haripur City (Combined)',
  postCode: 'PS-HRP-001',
  startsAt: '2027-02-08T01:00:00.000Z',
  endsAt: '2027-02-08T15:00:00.000Z',
};

describe('duty_cancelled', () => {
  it('tells the person not to report, naming post and time, in English and Urdu', () => {
    expect(renderNotice({ kind: 'duty_cancelled', duty, reason: null }, 'en', 'Asia/Karachi')).toBe(
      'Rasad: Duty cancelled, do not report: Govt. Primary School Haripur City (Combined) (PS-HRP-001), Mon 8 Feb 2027, 06:00-20:00.',
    );
    expect(renderNotice({ kind: 'duty_cancelled', duty, reason: null }, 'ur', 'Asia/Karachi')).toBe(
      'رسد: ڈیوٹی منسوخ، حاضر نہ ہوں: Govt. Primary School Haripur City (Combined) (PS-HRP-001)، پیر 8 فروری 2027، 06:00 تا 20:00۔',
    );
  });

  it('gives the officer’s reason when there is one', () => {
    const reason = 'Polling station merged with PS-HRP-002';
    expect(renderNotice({ kind: 'duty_cancelled', duty, reason }, 'en', 'Asia/Karachi')).toMatch(
      /06:00-20:00\. Reason: Polling station merged with PS-HRP-002$/,
    );
    expect(renderNotice({ kind: 'duty_cancelled', duty, reason }, 'ur', 'Asia/Karachi')).toMatch(
      /06:00 تا 20:00۔ وجہ: Polling station merged with PS-HRP-002$/,
    );
  });
});
