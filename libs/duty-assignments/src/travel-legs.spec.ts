import { DEFAULT_TRAVEL_POLICY, StayDuty, stays, travelLegsNeeded } from './travel-legs';

const duty = (postId: string, start: string, end: string): StayDuty => ({
  postId,
  startsAt: new Date(start),
  endsAt: new Date(end),
});

const pollDay = duty('ps-101', '2027-02-08T06:00+05:00', '2027-02-08T20:00+05:00');

describe('travel legs', () => {
  it('defaults to a 30 minute lead and an 8 hour same-stay gap', () => {
    expect(DEFAULT_TRAVEL_POLICY).toEqual({
      leadMinutes: 30,
      sameStayGapHours: 8,
    });
  });

  describe('stays', () => {
    it('is empty for no duties', () => {
      expect(stays([])).toEqual([]);
    });

    it('merges duties at one post separated by less than 8 hours', () => {
      const first = duty('ps-101', '2027-02-07T14:00+05:00', '2027-02-07T23:00+05:00');
      const result = stays([pollDay, first]);
      expect(result).toHaveLength(1);
      expect(result[0]).toMatchObject({
        postId: 'ps-101',
        startsAt: new Date('2027-02-07T14:00+05:00'),
        endsAt: new Date('2027-02-08T20:00+05:00'),
      });
      expect(result[0].duties).toEqual([first, pollDay]);
    });

    it('splits duties at one post separated by exactly 8 hours', () => {
      const first = duty('ps-101', '2027-02-07T14:00+05:00', '2027-02-07T22:00+05:00');
      const almost = duty('ps-101', '2027-02-08T05:59+05:00', '2027-02-08T12:00+05:00');
      expect(stays([first, pollDay])).toHaveLength(2);
      expect(stays([first, almost])).toHaveLength(1);
    });

    it('merges back-to-back and overlapping duties, keeping the latest end', () => {
      const long = duty('sr-1', '2027-02-08T20:00+05:00', '2027-02-10T08:00+05:00');
      const inside = duty('sr-1', '2027-02-09T08:00+05:00', '2027-02-09T16:00+05:00');
      const next = duty('sr-1', '2027-02-10T08:00+05:00', '2027-02-10T20:00+05:00');
      const [stay, ...rest] = stays([inside, next, long]);
      expect(rest).toEqual([]);
      expect(stay.startsAt).toEqual(new Date('2027-02-08T20:00+05:00'));
      expect(stay.endsAt).toEqual(new Date('2027-02-10T20:00+05:00'));
      expect(stay.duties).toEqual([long, inside, next]);
    });

    it('starts a new stay when the post changes, even after a short gap', () => {
      const checkpoint = duty('cp-7', '2027-02-08T22:00+05:00', '2027-02-09T06:00+05:00');
      const back = duty('ps-101', '2027-02-09T08:00+05:00', '2027-02-09T14:00+05:00');
      expect(stays([pollDay, checkpoint, back]).map((s) => s.postId)).toEqual(['ps-101', 'cp-7', 'ps-101']);
    });

    it('honours a custom gap', () => {
      const later = duty('ps-101', '2027-02-08T23:00+05:00', '2027-02-09T02:00+05:00');
      expect(
        stays([pollDay, later], {
          ...DEFAULT_TRAVEL_POLICY,
          sameStayGapHours: 2,
        }),
      ).toHaveLength(2);
      expect(
        stays([pollDay, later], {
          ...DEFAULT_TRAVEL_POLICY,
          sameStayGapHours: 4,
        }),
      ).toHaveLength(1);
    });

    it('does not mutate the input', () => {
      const a = duty('ps-101', '2027-02-08T06:00+05:00', '2027-02-08T10:00+05:00');
      const b = duty('ps-101', '2027-02-08T12:00+05:00', '2027-02-08T20:00+05:00');
      const input = [b, a];
      const [stay] = stays(input);
      stay.endsAt.setTime(0);
      expect(input).toEqual([b, a]);
      expect(a.endsAt).toEqual(new Date('2027-02-08T10:00+05:00'));
      expect(b.endsAt).toEqual(new Date('2027-02-08T20:00+05:00'));
    });

    it('keeps extra fields of the duties it groups', () => {
      const tagged = { ...pollDay, dutyId: 'd-1' };
      expect(stays([tagged])[0].duties[0].dutyId).toBe('d-1');
    });
  });

  describe('travelLegsNeeded', () => {
    it('needs nothing for officers travelling on their own', () => {
      expect(travelLegsNeeded([pollDay], 'self')).toEqual([]);
    });

    it('needs nothing without duties', () => {
      expect(travelLegsNeeded([], 'provided')).toEqual([]);
    });

    it('arrives 30 minutes before the stay and leaves after it', () => {
      expect(travelLegsNeeded([pollDay], 'provided')).toEqual([
        {
          kind: 'outbound',
          postId: 'ps-101',
          arriveBy: new Date('2027-02-08T05:30+05:00'),
        },
        {
          kind: 'return',
          postId: 'ps-101',
          departAfter: new Date('2027-02-08T20:00+05:00'),
        },
      ]);
    });

    it('makes one round trip for a merged stay', () => {
      const counting = duty('ps-101', '2027-02-08T20:00+05:00', '2027-02-09T02:00+05:00');
      expect(travelLegsNeeded([counting, pollDay], 'provided')).toEqual([
        {
          kind: 'outbound',
          postId: 'ps-101',
          arriveBy: new Date('2027-02-08T05:30+05:00'),
        },
        {
          kind: 'return',
          postId: 'ps-101',
          departAfter: new Date('2027-02-09T02:00+05:00'),
        },
      ]);
    });

    it('makes a round trip per stay, in order', () => {
      const strongRoom = duty('sr-1', '2027-02-09T08:00+05:00', '2027-02-09T20:00+05:00');
      const nextWeek = duty('ps-101', '2027-02-15T06:00+05:00', '2027-02-15T12:00+05:00');
      expect(travelLegsNeeded([nextWeek, strongRoom, pollDay], 'provided').map((l) => [l.kind, l.postId])).toEqual([
        ['outbound', 'ps-101'],
        ['return', 'ps-101'],
        ['outbound', 'sr-1'],
        ['return', 'sr-1'],
        ['outbound', 'ps-101'],
        ['return', 'ps-101'],
      ]);
    });

    it('uses a custom lead time', () => {
      const [outbound] = travelLegsNeeded([pollDay], 'provided', {
        ...DEFAULT_TRAVEL_POLICY,
        leadMinutes: 90,
      });
      expect(outbound).toEqual({
        kind: 'outbound',
        postId: 'ps-101',
        arriveBy: new Date('2027-02-08T04:30+05:00'),
      });
    });
  });
});
