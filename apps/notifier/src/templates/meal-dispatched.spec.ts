import { renderNotice } from './render';
import { smsSegments } from '../sms/segments';

const meal = {
  postName: 'Govt. Primary School Haripur City (Combined)',
  postCode: 'PS-HRP-001',
  slot: 'lunch',
  count: 12,
  dispatchedAt: '2027-02-08T07:05:00.000Z',
  dispatchedBy: 'Driver Aslam, van LEB-1234',
};

describe('meal_dispatched', () => {
  it("tells the post's in-charge how many meals left for which slot, when and with whom, in English and Urdu", () => {
    expect(renderNotice({ kind: 'meal_dispatched', meal }, 'en', 'Asia/Karachi')).toBe(
      'Rasad: 12 lunch meals for Govt. Primary School Haripur City (Combined) (PS-HRP-001) dispatched Mon 8 Feb 2027, 12:05 with Driver Aslam, van LEB-1234.',
    );
    expect(renderNotice({ kind: 'meal_dispatched', meal }, 'ur', 'Asia/Karachi')).toMatch(
      /^رسد: Govt\. Primary School Haripur City \(Combined\) \(PS-HRP-001\) کے لیے دوپہر کے 12 کھانے .* پر روانہ کر دیے گئے، ہمراہ: Driver Aslam, van LEB-1234۔$/,
    );
  });

  it('stays GSM-7 in English whatever punctuation the dispatcher typed', () => {
    const text = renderNotice(
      { kind: 'meal_dispatched', meal: { ...meal, dispatchedBy: '“Aslam” – van' } },
      'en',
      'Asia/Karachi',
    );
    expect(smsSegments(text).encoding).toBe('gsm7');
  });
});
