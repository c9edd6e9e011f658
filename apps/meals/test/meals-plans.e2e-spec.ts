import { Geography, TestApi, createGeography } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { EVENING_SHIFT, MealsWorld, POLL_DAY, mealsService } from './meals-fixtures';

const STRANGER = '0190b0c0-0000-7000-8000-0000000000aa';

/**
 * A logistics officer plans a district's poll day: headcounts from the duties, plans within kitchen capacities that
 * PostgreSQL holds under concurrent changes, and nothing of another district visible or changeable.
 */
describe('meal plans', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let world: MealsWorld;
  let haripur: Geography;
  let other: Geography;
  let evening: { id: string; code: string };
  let vegetarian: string;
  let kitchen: { id: string; name: string };

  beforeAll(async () => {
    rasad = await startRasad(
      'meals_plans',
      {},
      { gateway: { RASAD_SERVICES: 'roster,meals', RASAD_EVENT_CONSUMERS: 'meals' } },
      { services: [mealsService] },
    );
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    world = new MealsWorld(api, db);
    haripur = await createGeography(api, 'MLPH');
    other = await createGeography(api, 'MLPO');
    evening = await world.post(haripur, 'Checkpoint Sarai Saleh');
    vegetarian = await world.person(haripur, { dietaryNeeds: ['vegetarian', 'other:halal'] });
    const people = [vegetarian, await world.person(haripur), await world.person(haripur)];
    const late = await world.person(haripur, { dietaryNeeds: ['diabetic'] });
    const stranger = await world.person(other);
    const duties = [
      ...(await Promise.all(people.map((person) => world.duty(person, haripur.postId)))),
      await world.duty(late, evening.id, EVENING_SHIFT),
      await world.duty(stranger, other.postId),
    ];
    await world.projected([...people, late, stranger], duties, [haripur.postId, evening.id, other.postId]);
    kitchen = await world.kitchen(haripur.districtId, { name: 'Haripur Caterers', capacityPerSlot: 100 });
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('reports its health through the gateway', async () => {
    const response = await rasad.anonymous.get('/health');
    expect(response.body.info?.['meals']).toEqual({ status: 'up' });
  });

  it('counts the people whose duty covers each slot, with their dietary needs and, asked, their names', async () => {
    const response = await api.get(`/api/v1/meals/headcounts?districtId=${haripur.districtId}&date=${POLL_DAY}`);
    expect(response.status).toBe(200);
    const counts = response.body.items.map((h: any) => [h.postId, h.slot, h.count]);
    expect(counts).toEqual(
      expect.arrayContaining([
        [haripur.postId, 'breakfast', 3],
        [haripur.postId, 'lunch', 3],
        [evening.id, 'dinner', 1],
      ]),
    );
    expect(response.body.total).toBe(3);
    const lunch = await world.headcount(haripur.districtId, haripur.postId, 'lunch');
    expect(lunch?.dietary).toEqual({ vegetarian: 1, diabetic: 0, no_gluten: 0, other: 1, otherNeeds: { halal: 1 } });
    expect(lunch?.people.map((p) => p.personnelId)).toContain(vegetarian);
  });

  it('generates the day within capacity and answers what it could not place; a second run changes nothing', async () => {
    const first = await api.post('/api/v1/meals/plans/generate', { districtId: haripur.districtId, date: POLL_DAY });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ planned: 3, meals: 7, alreadyPlanned: 0, unplaced: [] });
    const plans = await api.get(`/api/v1/meals/plans?districtId=${haripur.districtId}&date=${POLL_DAY}`);
    expect(plans.body.total).toBe(3);
    for (const plan of plans.body.items) {
      expect(plan).toMatchObject({ kitchenId: kitchen.id, status: 'planned', flag: 'ok', shortBy: 0, surplusBy: 0 });
      expect(plan.count).toBe(plan.headcount);
    }
    const again = await api.post('/api/v1/meals/plans/generate', { districtId: haripur.districtId, date: POLL_DAY });
    expect(again.body).toMatchObject({ planned: 0, meals: 0, alreadyPlanned: 3, unplaced: [] });
    expect((await world.load(kitchen.id, 'lunch')).planned).toBe(3);

    const none = await api.post('/api/v1/meals/plans/generate', { districtId: other.districtId, date: POLL_DAY });
    expect(none.body.unplaced).toEqual([
      expect.objectContaining({ postId: other.postId, slot: 'breakfast', reason: 'no_kitchen' }),
      expect.objectContaining({ postId: other.postId, slot: 'lunch', reason: 'no_kitchen' }),
    ]);
  });

  it('places nothing beyond a kitchen slot and says why', async () => {
    const small = await world.kitchen(other.districtId, { name: 'Small Dhaba', capacityPerSlot: 0 });
    const response = await api.post('/api/v1/meals/plans/generate', { districtId: other.districtId, date: POLL_DAY });
    expect(response.body.planned).toBe(0);
    expect(response.body.unplaced[0]).toMatchObject({ reason: 'capacity', count: 1 });
    expect(response.body.unplaced[0].message).toContain('Small Dhaba (0 left)');
    await api.patch(`/api/v1/meals/kitchens/${small.id}`, { active: false });
  });

  it('never plans more than a kitchen slot holds, whatever 30 concurrent changes ask', async () => {
    const busy = await world.kitchen(haripur.districtId, { name: 'Tehsil Kitchen', capacityPerSlot: 50 });
    const posts = [];
    for (let i = 0; i < 30; i++) {
      posts.push(await world.post(haripur, `Polling station ${i}`));
    }
    await world.projected(
      [],
      [],
      posts.map((post) => post.id),
    );
    const plans = await Promise.all(posts.map((post) => world.plan(post.id, busy.id, 'dinner', { count: 0 })));
    const answers = await Promise.all(plans.map((plan) => api.patch(`/api/v1/meals/plans/${plan.id}`, { count: 5 })));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(20);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.body.message).toContain('Tehsil Kitchen');
    expect(refused.body.message).toContain('dinner');
    expect(refused.body.code).toBe('MEAL.KITCHEN_FULL');
    expect(await world.load(busy.id, 'dinner')).toEqual({ planned: 50, sum: 50 });

    // Nor does lowering the kitchen's capacity below what is planned.
    const lowered = await api.patch(`/api/v1/meals/kitchens/${busy.id}`, { capacityPerSlot: 40 });
    expect(lowered.status).toBe(409);
    expect(lowered.body.message).toContain('Tehsil Kitchen');
    expect((await api.get(`/api/v1/meals/kitchens/${busy.id}`)).body.capacityPerSlot).toBe(50);

    // Cancelling a plan gives its meals back to the slot.
    const held = answers.findIndex((answer) => answer.status === 200);
    expect((await api.patch(`/api/v1/meals/plans/${plans[held].id}`, { status: 'cancelled' })).status).toBe(200);
    expect(await world.load(busy.id, 'dinner')).toEqual({ planned: 45, sum: 45 });
  });

  describe('an officer of another district', () => {
    let officer: TestApi;
    let plan: { id: string };

    beforeAll(async () => {
      officer = await world.user('meals.other', 'logistics_officer', [other.districtId]);
      const plans = await api.get(`/api/v1/meals/plans?districtId=${haripur.districtId}&postId=${haripur.postId}`);
      plan = plans.body.items[0];
    });

    it('finds no kitchen, plan or headcount of Haripur, and changes none', async () => {
      expect((await officer.get(`/api/v1/meals/kitchens/${kitchen.id}`)).status).toBe(404);
      expect((await officer.get(`/api/v1/meals/plans/${plan.id}`)).status).toBe(404);
      const headcounts = await officer.get(
        `/api/v1/meals/headcounts?districtId=${haripur.districtId}&date=${POLL_DAY}`,
      );
      expect(headcounts.status).toBe(404);
      expect((await officer.patch(`/api/v1/meals/plans/${plan.id}`, { count: 1 })).status).toBe(404);
      expect((await officer.patch(`/api/v1/meals/kitchens/${kitchen.id}`, { capacityPerSlot: 1 })).status).toBe(404);
      expect((await officer.post(`/api/v1/meals/plans/${plan.id}/dispatch`, { by: 'x' })).status).toBe(404);
      expect((await officer.get(`/api/v1/meals/orders?districtId=${haripur.districtId}&date=${POLL_DAY}`)).status).toBe(
        404,
      );
      const generate = await officer.post('/api/v1/meals/plans/generate', {
        districtId: haripur.districtId,
        date: POLL_DAY,
      });
      expect(generate.status).toBe(422);
      const own = await officer.get('/api/v1/meals/plans');
      expect(own.body.items.every((p: any) => p.districtId === other.districtId)).toBe(true);
      const kitchens = await officer.get('/api/v1/meals/kitchens');
      expect(kitchens.body.items.map((k: any) => k.districtId)).not.toContain(haripur.districtId);
      const unchanged = await api.get(`/api/v1/meals/plans/${plan.id}`);
      expect(unchanged.body).toMatchObject({ status: 'planned', count: 3 });
      expect((await api.get(`/api/v1/meals/kitchens/${kitchen.id}`)).body.capacityPerSlot).toBe(100);
    });
  });

  describe('bad input answers 400 or 422 naming the field, and changes nothing', () => {
    let plan: { id: string; count: number };

    beforeAll(async () => {
      const plans = await api.get(`/api/v1/meals/plans?districtId=${haripur.districtId}&postId=${haripur.postId}`);
      plan = plans.body.items.find((p: any) => p.slot === 'lunch');
    });

    const unchanged = async () => {
      const plans = await api.get(`/api/v1/meals/plans?districtId=${haripur.districtId}&date=${POLL_DAY}`);
      expect(plans.body.items.find((p: any) => p.id === plan.id)).toMatchObject({ count: 3, kitchenId: kitchen.id });
      return plans.body.total as number;
    };

    it('an unknown slot', async () => {
      const before = await unchanged();
      const response = await api.post('/api/v1/meals/plans', {
        postId: evening.id,
        kitchenId: kitchen.id,
        date: POLL_DAY,
        slot: 'brunch',
      });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'slot' })]);
      expect(response.body.message).toContain('breakfast, lunch, dinner');
      expect(await unchanged()).toBe(before);
      const headcounts = await api.get(
        `/api/v1/meals/headcounts?districtId=${haripur.districtId}&date=${POLL_DAY}&slot=brunch`,
      );
      expect(headcounts.status).toBe(400);
    });

    it('a date outside the deployment, or no date at all', async () => {
      const policy = (await api.get('/api/v1/meals/policy')).body;
      const set = await api.request('PUT', '/api/v1/meals/policy', {
        firstDate: '2027-02-06',
        lastDate: '2027-02-09',
        slots: policy.slots,
      });
      expect(set.status).toBe(200);
      const before = await unchanged();
      const outside = await api.post('/api/v1/meals/plans/generate', {
        districtId: haripur.districtId,
        date: '2027-03-01',
      });
      expect(outside.status).toBe(400);
      expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'date' })]);
      expect(outside.body.message).toContain('2027-02-06 to 2027-02-09');
      const unreal = await api.post('/api/v1/meals/plans/generate', {
        districtId: haripur.districtId,
        date: '2027-02-30',
      });
      expect(unreal.status).toBe(400);
      expect(unreal.body.message).toContain('date');
      expect(await unchanged()).toBe(before);
    });

    it('a negative count', async () => {
      const before = await unchanged();
      const response = await api.patch(`/api/v1/meals/plans/${plan.id}`, { count: -1 });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('count');
      const kitchenResponse = await api.post('/api/v1/meals/kitchens', {
        name: 'Negative',
        districtId: haripur.districtId,
        contactPhone: '+923001234567',
        capacityPerSlot: -5,
        costPerMeal: 100,
      });
      expect(kitchenResponse.status).toBe(400);
      expect(kitchenResponse.body.message).toContain('capacityPerSlot');
      expect(await unchanged()).toBe(before);
    });

    it('an unknown kitchen', async () => {
      const before = await unchanged();
      const create = await api.post('/api/v1/meals/plans', {
        postId: evening.id,
        kitchenId: STRANGER,
        date: POLL_DAY,
        slot: 'breakfast',
      });
      expect(create.status).toBe(422);
      expect(create.body.errors).toEqual([expect.objectContaining({ field: 'kitchenId' })]);
      const move = await api.patch(`/api/v1/meals/plans/${plan.id}`, { kitchenId: STRANGER });
      expect(move.status).toBe(422);
      expect(move.body.errors).toEqual([expect.objectContaining({ field: 'kitchenId' })]);
      expect(await unchanged()).toBe(before);
    });

    it("a kitchen serving another district's post or an unknown tehsil", async () => {
      const before = (await api.get(`/api/v1/meals/kitchens?districtId=${haripur.districtId}`)).body.total;
      const response = await api.post('/api/v1/meals/kitchens', {
        name: 'Overreaching Caterers',
        districtId: haripur.districtId,
        contactPhone: '+923001234567',
        capacityPerSlot: 10,
        costPerMeal: 100,
        postIds: [haripur.postId, other.postId],
        tehsilIds: [STRANGER],
      });
      expect(response.status).toBe(422);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['postIds[1]', 'tehsilIds[0]']);
      const moved = await api.patch(`/api/v1/meals/kitchens/${kitchen.id}`, { postIds: [other.postId] });
      expect(moved.status).toBe(422);
      expect((await api.get(`/api/v1/meals/kitchens?districtId=${haripur.districtId}`)).body.total).toBe(before);
      expect((await api.get(`/api/v1/meals/kitchens/${kitchen.id}`)).body.postIds).toEqual([]);
    });

    it('a second plan for a planned post and slot, and an admin-only policy', async () => {
      const twice = await api.post('/api/v1/meals/plans', {
        postId: haripur.postId,
        kitchenId: kitchen.id,
        date: POLL_DAY,
        slot: 'lunch',
      });
      expect(twice.status).toBe(409);
      const officer = await world.user('meals.officer', 'logistics_officer', [haripur.districtId]);
      const policy = (await api.get('/api/v1/meals/policy')).body;
      const refused = await officer.request('PUT', '/api/v1/meals/policy', {
        firstDate: '2027-01-01',
        lastDate: '2027-12-31',
        slots: policy.slots,
      });
      expect(refused.status).toBe(403);
      expect((await api.get('/api/v1/meals/policy')).body.firstDate).toBe('2027-02-06');
    });
  });
});
