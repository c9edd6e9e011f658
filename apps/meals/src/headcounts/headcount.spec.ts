import { DEFAULT_MEAL_SLOTS } from '@rasad/duty-assignments';
import { MealPolicyView } from '@rasad/contracts';
import { DutyFact } from '../roster/roster-facts.repository';
import { headcountsOn, planFlag, tallyOf } from './headcount';

const policy: MealPolicyView = {
  timeZone: 'Asia/Karachi',
  firstDate: null,
  lastDate: null,
  slots: [...DEFAULT_MEAL_SLOTS],
  ramadan: null,
  updatedAt: '2026-11-30T00:00:00.000Z',
};

const post = (id: string, code: string) => ({
  id,
  code,
  name: code,
  districtId: 'd',
  tehsilId: 't',
  policeStationId: 's',
});

function duty(personnelId: string, postId: string, start: string, end: string, dietaryNeeds: string[] = []): DutyFact {
  return {
    dutyId: `${personnelId}:${start}`,
    personnelId,
    serviceNumber: personnelId,
    name: personnelId,
    dietaryNeeds,
    role: 'guard',
    startsAt: new Date(start),
    endsAt: new Date(end),
    post: post(postId, postId.toUpperCase()),
  };
}

describe('headcounts', () => {
  it('counts each person once per post and slot, in post code and slot order', () => {
    const counts = headcountsOn(
      [
        duty('p1', 'b', '2027-02-08T06:00:00+05:00', '2027-02-08T11:00:00+05:00'),
        // The same person back after a break: each slot once, by whichever duty covers it.
        duty('p1', 'b', '2027-02-08T11:00:00+05:00', '2027-02-08T22:00:00+05:00'),
        duty('p2', 'a', '2027-02-08T12:00:00+05:00', '2027-02-08T15:00:00+05:00', ['vegetarian']),
      ],
      policy,
      '2027-02-08',
    );
    expect(counts.map((h) => [h.post.id, h.slot, h.people.length])).toEqual([
      ['a', 'lunch', 1],
      ['b', 'breakfast', 1],
      ['b', 'lunch', 1],
      ['b', 'dinner', 1],
    ]);
  });

  it('tallies dietary needs by kind and each other: need by its text', () => {
    expect(
      tallyOf([
        { dietaryNeeds: ['vegetarian', 'other:halal', 'other:no nuts'] },
        { dietaryNeeds: ['other:halal', 'diabetic'] },
        { dietaryNeeds: [] },
      ]),
    ).toEqual({ vegetarian: 1, diabetic: 1, no_gluten: 0, other: 2, otherNeeds: { halal: 2, 'no nuts': 1 } });
  });

  it('flags a plan short by its larger gap, meals or dietary meals, and surplus beyond the headcount', () => {
    const none = tallyOf([]);
    const diabetic = tallyOf([{ dietaryNeeds: ['diabetic'] }]);
    expect(planFlag(3, none, { count: 3, dietary: none })).toEqual({ flag: 'ok', shortBy: 0, surplusBy: 0 });
    expect(planFlag(2, none, { count: 3, dietary: none })).toEqual({ flag: 'short', shortBy: 1, surplusBy: 0 });
    expect(planFlag(3, none, { count: 3, dietary: diabetic })).toEqual({ flag: 'short', shortBy: 1, surplusBy: 0 });
    expect(planFlag(5, none, { count: 3, dietary: diabetic })).toEqual({ flag: 'short', shortBy: 1, surplusBy: 0 });
    expect(planFlag(5, diabetic, { count: 3, dietary: diabetic })).toEqual({
      flag: 'surplus',
      shortBy: 0,
      surplusBy: 2,
    });
  });
});
