import { PlanBed, PlanInput, PlanSite, planHousing } from './housing-plan';

const POST = { id: 'post', tehsilId: 't1', latitude: 33.99, longitude: 72.91 };
// About 1 km, 5 km and 60 km from the post.
const near: PlanSite = {
  id: 'near',
  name: 'Near',
  tehsilId: 't1',
  latitude: 33.999,
  longitude: 72.91,
  suitableForWomen: false,
};
const mid: PlanSite = {
  id: 'mid',
  name: 'Mid',
  tehsilId: 't1',
  latitude: 34.035,
  longitude: 72.91,
  suitableForWomen: true,
};
const far: PlanSite = {
  id: 'far',
  name: 'Far',
  tehsilId: 't2',
  latitude: 34.53,
  longitude: 72.91,
  suitableForWomen: true,
};

const beds = (site: string, gender: PlanBed['roomGender'], count: number): PlanBed[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${site}-${gender}-${i + 1}`, siteId: site, roomGender: gender }));

const nights = (...dates: string[]) => dates.map((night) => ({ night, postId: 'post' }));

function input(overrides: Partial<PlanInput>): PlanInput {
  return {
    people: [],
    posts: new Map([['post', POST]]),
    sites: [near, mid, far],
    beds: [],
    taken: new Set(),
    maxKm: 30,
    ...overrides,
  };
}

describe('planHousing', () => {
  it('houses each run of nights in one bed at the nearest site with one free every night', () => {
    const plan = planHousing(
      input({
        people: [{ id: 'p1', gender: 'male', unitId: 'u1', nights: nights('2027-02-06', '2027-02-07') }],
        beds: [...beds('mid', 'male', 1), ...beds('near', 'male', 2)],
        taken: new Set(['near-male-1|2027-02-07']),
      }),
    );
    expect(plan).toEqual({
      allocations: [{ personnelId: 'p1', bedId: 'near-male-2', nights: ['2027-02-06', '2027-02-07'] }],
      unhoused: [],
    });
  });

  it('keeps a unit at the site its first member sleeps at, while that site has room', () => {
    const together = planHousing(
      input({
        people: [
          { id: 'a', gender: 'male', unitId: 'u1', nights: nights('2027-02-07') },
          { id: 'b', gender: 'male', unitId: 'u1', nights: nights('2027-02-07') },
        ],
        beds: [...beds('near', 'male', 1), ...beds('mid', 'male', 2)],
        taken: new Set(['near-male-1|2027-02-07']),
      }),
    );
    expect(together.allocations.map((a) => a.bedId)).toEqual(['mid-male-1', 'mid-male-2']);
  });

  it('houses the largest unit first, so that a lone officer does not split it', () => {
    const plan = planHousing(
      input({
        people: [
          { id: 'a', gender: 'male', unitId: 'u1', nights: nights('2027-02-07') },
          { id: 'b', gender: 'male', unitId: 'u2', nights: nights('2027-02-07') },
          { id: 'c', gender: 'male', unitId: 'u2', nights: nights('2027-02-07') },
        ],
        beds: [...beds('near', 'male', 2), ...beds('mid', 'male', 2)],
      }),
    );
    const siteOf = (id: string) => plan.allocations.find((a) => a.personnelId === id)?.bedId.split('-')[0];
    expect([siteOf('b'), siteOf('c'), siteOf('a')]).toEqual(['near', 'near', 'mid']);
  });

  it('prefers the unit’s site over a nearer one that frees up', () => {
    const plan = planHousing(
      input({
        people: [
          { id: 'a', gender: 'male', unitId: 'u1', nights: nights('2027-02-06') },
          { id: 'b', gender: 'male', unitId: 'u1', nights: nights('2027-02-07') },
        ],
        beds: [...beds('near', 'male', 1), ...beds('mid', 'male', 2)],
        taken: new Set(['near-male-1|2027-02-06']),
      }),
    );
    expect(plan.allocations.map((a) => a.bedId)).toEqual(['mid-male-1', 'mid-male-1']);
  });

  it('houses women only in rooms for women or anyone at sites suitable for women, and says why when it cannot', () => {
    const plan = planHousing(
      input({
        people: [
          { id: 'w1', gender: 'female', unitId: 'u1', nights: nights('2027-02-07') },
          { id: 'w2', gender: 'female', unitId: 'u1', nights: nights('2027-02-07') },
        ],
        // The near site is not suitable for women: its room for anyone does not take them.
        beds: [...beds('near', 'any', 2), ...beds('mid', 'female', 1), ...beds('mid', 'male', 2)],
      }),
    );
    expect(plan.allocations).toEqual([{ personnelId: 'w1', bedId: 'mid-female-1', nights: ['2027-02-07'] }]);
    expect(plan.unhoused).toEqual([
      { personnelId: 'w2', night: '2027-02-07', postId: 'post', reason: 'no_room_for_gender' },
    ]);
  });

  it('leaves a night unhoused when no site within reach has a free bed, however far the others are', () => {
    const plan = planHousing(
      input({
        people: [{ id: 'p', gender: 'male', unitId: 'u1', nights: nights('2027-02-07') }],
        beds: [...beds('far', 'male', 5), ...beds('near', 'male', 1)],
        taken: new Set(['near-male-1|2027-02-07']),
      }),
    );
    expect(plan.allocations).toEqual([]);
    expect(plan.unhoused).toEqual([
      { personnelId: 'p', night: '2027-02-07', postId: 'post', reason: 'no_bed_near_enough' },
    ]);
  });

  it('falls back to night by night when no bed is free for the whole run', () => {
    const plan = planHousing(
      input({
        people: [{ id: 'p', gender: 'male', unitId: 'u1', nights: nights('2027-02-06', '2027-02-07', '2027-02-08') }],
        beds: beds('near', 'male', 2),
        taken: new Set(['near-male-1|2027-02-08', 'near-male-2|2027-02-06']),
      }),
    );
    expect(plan.allocations).toEqual([
      { personnelId: 'p', bedId: 'near-male-1', nights: ['2027-02-06', '2027-02-07'] },
      { personnelId: 'p', bedId: 'near-male-2', nights: ['2027-02-08'] },
    ]);
  });

  it('reaches every site of the district, its tehsil first, from a post without coordinates', () => {
    const plan = planHousing(
      input({
        posts: new Map([['post', { id: 'post', tehsilId: 't2', latitude: null, longitude: null }]]),
        people: [{ id: 'p', gender: 'male', unitId: 'u1', nights: nights('2027-02-07') }],
        beds: [...beds('near', 'male', 1), ...beds('far', 'male', 1)],
      }),
    );
    expect(plan.allocations.map((a) => a.bedId)).toEqual(['far-male-1']);
  });
});
