import { ErrorCode, MealPolicyView } from '@rasad/contracts';
import { DEFAULT_MEAL_SLOTS } from '@rasad/duty-assignments';
import { ensureDeploymentDate, slotOn, slotsCoveredOn, slotsOn } from './meal-policy';

const policy: MealPolicyView = {
  timeZone: 'Asia/Karachi',
  firstDate: '2027-02-06',
  lastDate: '2027-02-20',
  slots: [...DEFAULT_MEAL_SLOTS],
  ramadan: {
    from: '2027-02-10',
    to: '2027-02-20',
    sehriStart: '03:45',
    sehriEnd: '04:45',
    iftar: '17:50',
    iftarByDate: { '2027-02-11': '17:52' },
  },
  updatedAt: '2026-11-30T00:00:00.000Z',
};

const window = (start: string, end: string) => ({ startsAt: new Date(start), endsAt: new Date(end) });

describe('the meal policy of a date', () => {
  it('has the usual slots outside Ramadan and sehri, iftar (at that date’s time) and dinner in it', () => {
    expect(slotsOn(policy, '2027-02-08').map((s) => s.name)).toEqual(['breakfast', 'lunch', 'dinner']);
    expect(slotsOn(policy, '2027-02-11')).toEqual([
      { name: 'sehri', start: '03:45', end: '04:45' },
      { name: 'iftar', start: '17:52', end: '18:52' },
      { name: 'dinner', start: '19:30', end: '21:30' },
    ]);
    expect(slotsOn(policy, '2027-02-12')[1]).toEqual({ name: 'iftar', start: '17:50', end: '18:50' });
  });

  it('counts a duty for the slots of the date whose midpoint its window holds', () => {
    const day = window('2027-02-08T06:00:00+05:00', '2027-02-08T20:00:00+05:00');
    expect(slotsCoveredOn(day, policy, '2027-02-08')).toEqual(['breakfast', 'lunch']);
    expect(slotsCoveredOn(day, policy, '2027-02-07')).toEqual([]);
    const fast = window('2027-02-11T02:00:00+05:00', '2027-02-11T18:30:00+05:00');
    expect(slotsCoveredOn(fast, policy, '2027-02-11')).toEqual(['sehri', 'iftar']);
    // An iftar at 17:52 has its midpoint at 18:22: a duty ending at 18:20 misses it.
    const early = window('2027-02-11T02:00:00+05:00', '2027-02-11T18:20:00+05:00');
    expect(slotsCoveredOn(early, policy, '2027-02-11')).toEqual(['sehri']);
  });

  it('refuses a slot the date does not have, and a date outside the deployment, naming the field', () => {
    expect(() => slotOn(policy, '2027-02-11', 'lunch')).toThrow(
      expect.objectContaining({
        code: ErrorCode.ValidationFailed,
        errors: [expect.objectContaining({ field: 'slot' })],
      }),
    );
    expect(slotOn(policy, '2027-02-08', 'lunch').startsAt.toISOString()).toBe('2027-02-08T07:30:00.000Z');
    expect(() => ensureDeploymentDate(policy, '2027-02-21')).toThrow(/date must be a day of the deployment/);
    expect(() => ensureDeploymentDate(policy, '2027-02-06')).not.toThrow();
    expect(() => ensureDeploymentDate({ ...policy, firstDate: null, lastDate: null }, '2030-01-01')).not.toThrow();
  });
});
