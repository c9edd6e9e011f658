import { bedNightsForDuties, bedNightsNeeded, DEFAULT_NIGHT_POLICY, needsLodging, NightPolicy } from './bed-nights';
import { DutyWindow } from './duty-window';

const win = (start: string, end: string): DutyWindow => ({
  startsAt: new Date(start),
  endsAt: new Date(end),
});

describe('bed nights', () => {
  describe('needsLodging', () => {
    it('is needed away from the home district', () => {
      expect(
        needsLodging({
          homeDistrictId: 'abbottabad',
          postDistrictId: 'haripur',
        }),
      ).toBe(true);
    });

    it('is not needed in the home district', () => {
      expect(
        needsLodging({
          homeDistrictId: 'haripur',
          postDistrictId: 'haripur',
          postRemote: false,
        }),
      ).toBe(false);
      expect(needsLodging({ homeDistrictId: 'haripur', postDistrictId: 'haripur' })).toBe(false);
    });

    it('is needed at a remote post even in the home district', () => {
      expect(
        needsLodging({
          homeDistrictId: 'haripur',
          postDistrictId: 'haripur',
          postRemote: true,
        }),
      ).toBe(true);
    });

    it('is needed when the home district is unknown', () => {
      expect(needsLodging({ homeDistrictId: null, postDistrictId: 'haripur' })).toBe(true);
    });
  });

  describe('bedNightsNeeded', () => {
    it('defaults to 22:00-05:00 nights and an 08:00 early-start cutoff in Karachi', () => {
      expect(DEFAULT_NIGHT_POLICY).toEqual({
        timeZone: 'Asia/Karachi',
        nightStart: '22:00',
        nightEnd: '05:00',
        earlyStartBefore: '08:00',
      });
    });

    it('needs the previous night for a duty starting at 07:00', () => {
      expect(bedNightsNeeded(win('2027-02-08T07:00+05:00', '2027-02-08T15:00+05:00'))).toEqual(['2027-02-07']);
    });

    it('needs the previous night for a 06:00-20:00 poll day', () => {
      expect(bedNightsNeeded(win('2027-02-08T06:00+05:00', '2027-02-08T20:00+05:00'))).toEqual(['2027-02-07']);
    });

    it('needs no night for a day shift starting at 08:00', () => {
      expect(bedNightsNeeded(win('2027-02-08T08:00+05:00', '2027-02-08T16:00+05:00'))).toEqual([]);
      expect(bedNightsNeeded(win('2027-02-08T07:59+05:00', '2027-02-08T16:00+05:00'))).toEqual(['2027-02-07']);
    });

    it('needs nights 02-07 and 02-08 for a duty from 02-07 18:00 to 02-09 06:00', () => {
      expect(bedNightsNeeded(win('2027-02-07T18:00+05:00', '2027-02-09T06:00+05:00'))).toEqual([
        '2027-02-07',
        '2027-02-08',
      ]);
    });

    it('treats the night as half-open', () => {
      expect(bedNightsNeeded(win('2027-02-08T14:00+05:00', '2027-02-08T22:00+05:00'))).toEqual([]);
      expect(bedNightsNeeded(win('2027-02-08T14:00+05:00', '2027-02-08T22:01+05:00'))).toEqual(['2027-02-08']);
    });

    it('counts a night shift as the night it starts in', () => {
      expect(bedNightsNeeded(win('2027-02-08T22:00+05:00', '2027-02-09T06:00+05:00'))).toEqual(['2027-02-08']);
    });

    it('credits a shift starting after midnight to the previous evening', () => {
      expect(bedNightsNeeded(win('2027-02-09T01:00+05:00', '2027-02-09T09:00+05:00'))).toEqual(['2027-02-08']);
    });

    it('needs the previous night when a duty starts exactly as the night ends', () => {
      expect(bedNightsNeeded(win('2027-02-09T05:00+05:00', '2027-02-09T13:00+05:00'))).toEqual(['2027-02-08']);
    });

    it('reads local time, not UTC', () => {
      // 02:00 UTC is 07:00 in Karachi: an early start.
      expect(bedNightsNeeded(win('2027-02-08T02:00Z', '2027-02-08T10:00Z'))).toEqual(['2027-02-07']);
      // 17:30 UTC is 22:30 in Karachi: inside the night.
      expect(bedNightsNeeded(win('2027-02-08T12:00Z', '2027-02-08T17:30Z'))).toEqual(['2027-02-08']);
    });

    it('lists every night of a multi-day strong-room guard', () => {
      expect(bedNightsNeeded(win('2027-02-08T20:00+05:00', '2027-02-11T08:00+05:00'))).toEqual([
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
      ]);
    });

    it('returns nothing for empty or inverted windows', () => {
      expect(bedNightsNeeded(win('2027-02-08T07:00+05:00', '2027-02-08T07:00+05:00'))).toEqual([]);
      expect(bedNightsNeeded(win('2027-02-09T07:00+05:00', '2027-02-08T07:00+05:00'))).toEqual([]);
    });

    it('follows a custom policy and zone', () => {
      const policy: NightPolicy = {
        timeZone: 'Europe/London',
        nightStart: '23:00',
        nightEnd: '06:00',
        earlyStartBefore: '07:00',
      };
      // 05:30 UTC on 28 March is 06:30 BST: early, but after the night ends.
      expect(bedNightsNeeded(win('2027-03-28T05:30Z', '2027-03-28T12:00Z'), policy)).toEqual(['2027-03-27']);
      // 06:30 UTC is 07:30 BST: not early.
      expect(bedNightsNeeded(win('2027-03-28T06:30Z', '2027-03-28T12:00Z'), policy)).toEqual([]);
    });
  });

  describe('bedNightsForDuties', () => {
    it('returns the sorted union of every duty', () => {
      expect(
        bedNightsForDuties([
          win('2027-02-09T06:00+05:00', '2027-02-09T14:00+05:00'),
          win('2027-02-07T18:00+05:00', '2027-02-09T06:00+05:00'),
          win('2027-02-08T07:00+05:00', '2027-02-08T15:00+05:00'),
        ]),
      ).toEqual(['2027-02-07', '2027-02-08']);
    });

    it('is empty for no duties', () => {
      expect(bedNightsForDuties([])).toEqual([]);
    });
  });
});
