import { DutyWindow } from './duty-window';
import {
  DEFAULT_MEAL_POLICY,
  DEFAULT_MEAL_SLOTS,
  MealPolicy,
  mealSlotsCovered,
  RAMADAN_MEAL_SLOTS,
} from './meal-slots';

const win = (start: string, end: string): DutyWindow => ({
  startsAt: new Date(start),
  endsAt: new Date(end),
});

const ramadan2027: MealPolicy = {
  ...DEFAULT_MEAL_POLICY,
  ramadan: {
    from: '2027-02-08',
    to: '2027-03-09',
    slots: RAMADAN_MEAL_SLOTS(),
  },
};

describe('meal slots', () => {
  it('defines breakfast, lunch and dinner in Asia/Karachi by default', () => {
    expect(DEFAULT_MEAL_POLICY.timeZone).toBe('Asia/Karachi');
    expect(DEFAULT_MEAL_SLOTS).toEqual([
      { name: 'breakfast', start: '07:00', end: '09:00' },
      { name: 'lunch', start: '12:30', end: '14:30' },
      { name: 'dinner', start: '19:30', end: '21:30' },
    ]);
  });

  describe('RAMADAN_MEAL_SLOTS', () => {
    it('replaces breakfast and lunch with sehri and an hour of iftar', () => {
      expect(RAMADAN_MEAL_SLOTS()).toEqual([
        { name: 'sehri', start: '03:30', end: '04:30' },
        { name: 'iftar', start: '18:00', end: '19:00' },
        { name: 'dinner', start: '19:30', end: '21:30' },
      ]);
    });

    it('follows the given iftar time', () => {
      expect(RAMADAN_MEAL_SLOTS('17:45')[1]).toEqual({
        name: 'iftar',
        start: '17:45',
        end: '18:45',
      });
      expect(RAMADAN_MEAL_SLOTS('23:30')[1]).toEqual({
        name: 'iftar',
        start: '23:30',
        end: '00:30',
      });
    });

    it('rejects a malformed iftar time', () => {
      expect(() => RAMADAN_MEAL_SLOTS('6pm')).toThrow('Invalid local time "6pm", expected HH:mm');
      expect(() => RAMADAN_MEAL_SLOTS('24:00')).toThrow();
    });
  });

  describe('mealSlotsCovered', () => {
    it('covers breakfast and lunch but not dinner on a 06:00-20:00 poll day', () => {
      // Midpoints: breakfast 08:00, lunch 13:30, dinner 20:30 (after the 20:00 end).
      expect(mealSlotsCovered(win('2027-02-08T06:00+05:00', '2027-02-08T20:00+05:00'))).toEqual([
        { date: '2027-02-08', slot: 'breakfast' },
        { date: '2027-02-08', slot: 'lunch' },
      ]);
    });

    it('includes a midpoint at the start and excludes one at the end', () => {
      expect(mealSlotsCovered(win('2027-02-08T08:00+05:00', '2027-02-08T13:30+05:00'))).toEqual([
        { date: '2027-02-08', slot: 'breakfast' },
      ]);
    });

    it('covers nothing when the duty misses every midpoint', () => {
      expect(mealSlotsCovered(win('2027-02-08T08:01+05:00', '2027-02-08T13:29+05:00'))).toEqual([]);
    });

    it('walks across midnight in instant order', () => {
      expect(mealSlotsCovered(win('2027-02-07T18:00+05:00', '2027-02-09T06:00+05:00'))).toEqual([
        { date: '2027-02-07', slot: 'dinner' },
        { date: '2027-02-08', slot: 'breakfast' },
        { date: '2027-02-08', slot: 'lunch' },
        { date: '2027-02-08', slot: 'dinner' },
      ]);
    });

    it('uses the local date, not the UTC date', () => {
      // 02:00 UTC on the 8th is already 07:00 in Karachi; 23:00 UTC on the 7th is 04:00 on the 8th.
      expect(mealSlotsCovered(win('2027-02-07T23:00Z', '2027-02-08T04:00Z'))).toEqual([
        { date: '2027-02-08', slot: 'breakfast' },
      ]);
    });

    it('returns nothing for empty or inverted windows', () => {
      expect(mealSlotsCovered(win('2027-02-08T08:00+05:00', '2027-02-08T08:00+05:00'))).toEqual([]);
      expect(mealSlotsCovered(win('2027-02-08T20:00+05:00', '2027-02-08T06:00+05:00'))).toEqual([]);
    });

    it('switches to the Ramadan table on dates inside the range', () => {
      expect(mealSlotsCovered(win('2027-02-07T18:00+05:00', '2027-02-09T06:00+05:00'), ramadan2027)).toEqual([
        { date: '2027-02-07', slot: 'dinner' },
        { date: '2027-02-08', slot: 'sehri' },
        { date: '2027-02-08', slot: 'iftar' },
        { date: '2027-02-08', slot: 'dinner' },
        { date: '2027-02-09', slot: 'sehri' },
      ]);
    });

    it('treats both ends of the Ramadan range as inclusive', () => {
      expect(mealSlotsCovered(win('2027-03-09T00:00+05:00', '2027-03-10T23:59+05:00'), ramadan2027)).toEqual([
        { date: '2027-03-09', slot: 'sehri' },
        { date: '2027-03-09', slot: 'iftar' },
        { date: '2027-03-09', slot: 'dinner' },
        { date: '2027-03-10', slot: 'breakfast' },
        { date: '2027-03-10', slot: 'lunch' },
        { date: '2027-03-10', slot: 'dinner' },
      ]);
    });

    it('credits a slot running past midnight to the date it starts on', () => {
      const policy: MealPolicy = {
        ...DEFAULT_MEAL_POLICY,
        slots: [{ name: 'night_tea', start: '23:00', end: '01:00' }],
      };
      expect(mealSlotsCovered(win('2027-02-09T00:00+05:00', '2027-02-09T00:30+05:00'), policy)).toEqual([
        { date: '2027-02-08', slot: 'night_tea' },
      ]);
    });

    it('places a midpoint between minutes to the second', () => {
      const policy: MealPolicy = {
        ...DEFAULT_MEAL_POLICY,
        slots: [{ name: 'tea', start: '16:00', end: '16:01' }],
      };
      expect(mealSlotsCovered(win('2027-02-08T16:00:30+05:00', '2027-02-08T16:01+05:00'), policy)).toHaveLength(1);
      expect(mealSlotsCovered(win('2027-02-08T16:00:31+05:00', '2027-02-08T16:01+05:00'), policy)).toEqual([]);
    });

    it('rejects an unknown time zone', () => {
      expect(() =>
        mealSlotsCovered(win('2027-02-08T06:00Z', '2027-02-08T10:00Z'), {
          ...DEFAULT_MEAL_POLICY,
          timeZone: 'Asia/Lahore',
        }),
      ).toThrow('Unknown time zone "Asia/Lahore"');
    });

    describe('in a zone with daylight saving (Europe/London)', () => {
      const london: MealPolicy = {
        ...DEFAULT_MEAL_POLICY,
        timeZone: 'Europe/London',
      };

      it('puts breakfast at 08:00 GMT the day before clocks go forward', () => {
        expect(mealSlotsCovered(win('2027-03-27T07:30Z', '2027-03-27T08:30Z'), london)).toEqual([
          { date: '2027-03-27', slot: 'breakfast' },
        ]);
      });

      it('puts breakfast at 08:00 BST (07:00 UTC) once clocks have gone forward', () => {
        expect(mealSlotsCovered(win('2027-03-28T06:30Z', '2027-03-28T07:30Z'), london)).toEqual([
          { date: '2027-03-28', slot: 'breakfast' },
        ]);
        expect(mealSlotsCovered(win('2027-03-28T07:30Z', '2027-03-28T08:30Z'), london)).toEqual([]);
      });

      it('covers each meal once across the change', () => {
        expect(mealSlotsCovered(win('2027-03-27T00:00Z', '2027-03-29T00:00Z'), london)).toEqual([
          { date: '2027-03-27', slot: 'breakfast' },
          { date: '2027-03-27', slot: 'lunch' },
          { date: '2027-03-27', slot: 'dinner' },
          { date: '2027-03-28', slot: 'breakfast' },
          { date: '2027-03-28', slot: 'lunch' },
          { date: '2027-03-28', slot: 'dinner' },
        ]);
      });

      it('moves back when clocks go back in October', () => {
        expect(mealSlotsCovered(win('2027-10-31T07:30Z', '2027-10-31T08:30Z'), london)).toEqual([
          { date: '2027-10-31', slot: 'breakfast' },
        ]);
        expect(mealSlotsCovered(win('2027-10-30T06:30Z', '2027-10-30T07:30Z'), london)).toEqual([
          { date: '2027-10-30', slot: 'breakfast' },
        ]);
      });
    });
  });
});
