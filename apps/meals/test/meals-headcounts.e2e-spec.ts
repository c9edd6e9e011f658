import { Geography, TestApi, createGeography, eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { MealsWorld, POLL_DAY, mealsService } from './meals-fixtures';

/**
 * Headcounts follow the roster within seconds: a reposting moves a person's meals from the old post to the new one
 * and flags both plans, a cancellation drops them, a new dietary need leaves a plan short; Ramadan days have sehri
 * and iftar.
 */
describe('headcounts follow the duties', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let world: MealsWorld;
  let haripur: Geography;
  let second: { id: string; code: string };
  let moved: string;
  let stays: string;
  let movedDuty: string;

  const planOf = async (postId: string, slot: string) => {
    const response = await api.get(`/api/v1/meals/plans?postId=${postId}&date=${POLL_DAY}&slot=${slot}`);
    expect(response.status).toBe(200);
    return response.body.items[0];
  };

  beforeAll(async () => {
    rasad = await startRasad(
      'meals_headcounts',
      {},
      { gateway: { RASAD_SERVICES: 'roster,meals', RASAD_EVENT_CONSUMERS: 'meals' } },
      { services: [mealsService] },
    );
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    world = new MealsWorld(api, db);
    haripur = await createGeography(api, 'MLHC');
    second = await world.post(haripur, 'Govt. Girls High School Ghazi');
    moved = await world.person(haripur);
    stays = await world.person(haripur);
    const other = await world.person(haripur);
    movedDuty = await world.duty(moved, haripur.postId);
    const duties = [movedDuty, await world.duty(stays, haripur.postId), await world.duty(other, second.id)];
    await world.projected([moved, stays, other], duties, [haripur.postId, second.id]);
    await world.kitchen(haripur.districtId);
    const generated = await api.post('/api/v1/meals/plans/generate', {
      districtId: haripur.districtId,
      date: POLL_DAY,
    });
    expect(generated.body).toMatchObject({ planned: 4, meals: 6, unplaced: [] });
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it("moves a reposted person's meals to the new post and flags both plans", async () => {
    const repost = await api.patch(`/api/v1/assignments/${movedDuty}`, { postId: second.id, reason: 'Relief' });
    expect(repost.status).toBe(200);
    await eventually(async () => {
      expect((await world.headcount(haripur.districtId, haripur.postId, 'lunch'))?.count).toBe(1);
      const arrived = await world.headcount(haripur.districtId, second.id, 'lunch');
      expect(arrived?.count).toBe(2);
      expect(arrived?.people.map((person) => person.personnelId)).toContain(moved);
    });
    expect(await planOf(haripur.postId, 'lunch')).toMatchObject({
      count: 2,
      headcount: 1,
      flag: 'surplus',
      surplusBy: 1,
    });
    expect(await planOf(second.id, 'lunch')).toMatchObject({ count: 1, headcount: 2, flag: 'short', shortBy: 1 });
    const short = await api.get(`/api/v1/meals/plans?districtId=${haripur.districtId}&date=${POLL_DAY}&flag=short`);
    expect(short.body.items.map((p: any) => [p.postId, p.slot]).sort()).toEqual(
      [
        [second.id, 'breakfast'],
        [second.id, 'lunch'],
      ].sort(),
    );

    // The officer takes the live headcount as the plan.
    const matched = await api.patch(`/api/v1/meals/plans/${(await planOf(second.id, 'lunch')).id}`, {
      matchHeadcount: true,
    });
    expect(matched.body).toMatchObject({ count: 2, headcount: 2, flag: 'ok' });
  });

  it('drops the meals of a cancelled duty', async () => {
    const cancel = await api.post(`/api/v1/assignments/${movedDuty}/cancel`, { reason: 'Sick' });
    expect(cancel.status).toBe(200);
    await eventually(async () => {
      expect((await world.headcount(haripur.districtId, second.id, 'lunch'))?.count).toBe(1);
    });
    expect(await planOf(second.id, 'lunch')).toMatchObject({ count: 2, headcount: 1, flag: 'surplus' });
  });

  it("leaves a plan short when someone's dietary need changes", async () => {
    const changed = await api.patch(`/api/v1/personnel/${stays}`, { dietaryNeeds: ['diabetic'] });
    expect(changed.status).toBe(200);
    await eventually(async () => {
      expect((await world.headcount(haripur.districtId, haripur.postId, 'lunch'))?.dietary.diabetic).toBe(1);
    });
    // The count still matches (two planned for one), but nobody planned a diabetic meal.
    const plan = await planOf(haripur.postId, 'breakfast');
    expect(plan).toMatchObject({ headcount: 1, flag: 'short', shortBy: 1 });
    expect(plan.dietary.diabetic).toBe(0);
  });

  it('uses sehri and iftar on a Ramadan date, at that date’s iftar time', async () => {
    const policy = (await api.get('/api/v1/meals/policy')).body;
    const set = await api.request('PUT', '/api/v1/meals/policy', {
      firstDate: '2027-02-01',
      lastDate: '2027-02-28',
      slots: policy.slots,
      ramadan: {
        from: '2027-02-10',
        to: '2027-02-20',
        sehriStart: '03:45',
        sehriEnd: '04:45',
        iftar: '17:50',
        iftarByDate: { '2027-02-11': '17:52' },
      },
    });
    expect(set.status).toBe(200);
    const slots = await api.get('/api/v1/meals/slots?date=2027-02-11');
    expect(slots.body.slots).toEqual([
      { name: 'sehri', start: '03:45', end: '04:45' },
      { name: 'iftar', start: '17:52', end: '18:52' },
      { name: 'dinner', start: '19:30', end: '21:30' },
    ]);
    const fasting = await world.person(haripur);
    const duty = await world.duty(fasting, second.id, {
      startsAt: '2027-02-11T02:00:00+05:00',
      endsAt: '2027-02-11T19:00:00+05:00',
    });
    await world.projected([fasting], [duty]);
    const response = await api.get(`/api/v1/meals/headcounts?districtId=${haripur.districtId}&date=2027-02-11`);
    expect(response.body.items.map((h: any) => [h.slot, h.count])).toEqual([
      ['sehri', 1],
      ['iftar', 1],
    ]);
    const refused = await api.post('/api/v1/meals/plans', {
      postId: second.id,
      kitchenId: (await api.get('/api/v1/meals/kitchens')).body.items[0].id,
      date: '2027-02-11',
      slot: 'lunch',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('sehri, iftar, dinner');
  });
});
