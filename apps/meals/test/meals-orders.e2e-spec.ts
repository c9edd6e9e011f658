import { loadEnv } from '@rasad/common';
import { DateTime } from 'luxon';
import { Geography, TestApi, createGeography, eventually, pdfText } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { createNotifier } from '../../notifier/src/bootstrap';
import { NotifierEnv } from '../../notifier/src/notifier.env';
import { DAY_SHIFT, MealsWorld, POLL_DAY, mealsService } from './meals-fixtures';

const URDU_POST = 'گورنمنٹ گرلز ہائی سکول غازی';

/**
 * The logistics officer's day: print the kitchens' orders, mark deliveries, see the late and missing ones, pay the
 * vendors for what was served; the post's in-charge hears once, in their language, that the meal is on its way.
 */
describe('kitchen orders and deliveries', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  let world: MealsWorld;
  let haripur: Geography;
  let school: { id: string; code: string };
  let inCharge: string;
  let guard: string;
  let ghazi: { id: string };
  let city: { id: string };

  const planOf = async (postId: string, slot: string, date = POLL_DAY) => {
    const response = await api.get(`/api/v1/meals/plans?postId=${postId}&date=${date}&slot=${slot}`);
    return response.body.items[0];
  };

  beforeAll(async () => {
    rasad = await startRasad(
      'meals_orders',
      {},
      { gateway: { RASAD_SERVICES: 'roster,notifier,meals', RASAD_EVENT_CONSUMERS: 'notifier,meals' } },
      {
        services: [(env) => createNotifier(loadEnv(NotifierEnv, { ...env, NOTIFY_POLL_MS: '100' })), mealsService],
      },
    );
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    world = new MealsWorld(api, db);
    haripur = await createGeography(api, 'MLOR');
    school = await world.post(haripur, URDU_POST);
    inCharge = await world.person(haripur, { language: 'ur', rank: 'asi' });
    guard = await world.person(haripur, { dietaryNeeds: ['vegetarian'] });
    const guards = [guard, await world.person(haripur), await world.person(haripur)];
    const duties = [
      await world.duty(inCharge, school.id, DAY_SHIFT, { role: 'in_charge' }),
      ...(await Promise.all(guards.map((person) => world.duty(person, school.id)))),
      await world.duty(await world.person(haripur), haripur.postId),
    ];
    await world.projected([inCharge, ...guards], duties, [school.id, haripur.postId]);
    // Ghazi's kitchen cooks for the school, the city's for everything else in the district.
    ghazi = await world.kitchen(haripur.districtId, {
      name: 'Ghazi Tehsil Caterers',
      postIds: [school.id],
      capacityPerSlot: 50,
      costPerMeal: 400,
    });
    city = await world.kitchen(haripur.districtId, {
      name: 'City Kitchen',
      postIds: [haripur.postId],
      capacityPerSlot: 50,
      costPerMeal: 500,
    });
    const generated = await api.post('/api/v1/meals/plans/generate', {
      districtId: haripur.districtId,
      date: POLL_DAY,
    });
    expect(generated.body).toMatchObject({ planned: 4, meals: 10, unplaced: [] });
  });

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it("lists each kitchen's order, by kitchen, slot and post, also as CSV", async () => {
    const response = await api.get(`/api/v1/meals/orders?districtId=${haripur.districtId}&date=${POLL_DAY}`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((l: any) => [l.kitchenName, l.slot, l.postCode, l.count])).toEqual([
      ['City Kitchen', 'breakfast', expect.any(String), 1],
      ['City Kitchen', 'lunch', expect.any(String), 1],
      ['Ghazi Tehsil Caterers', 'breakfast', school.code, 4],
      ['Ghazi Tehsil Caterers', 'lunch', school.code, 4],
    ]);
    expect(response.body.items[2].dietary.vegetarian).toBe(1);
    expect(response.body.items[2].address).toContain(URDU_POST);

    const csv = await api.get(
      `/api/v1/meals/orders?districtId=${haripur.districtId}&date=${POLL_DAY}&kitchenId=${ghazi.id}&format=csv`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(3);
    const header = lines[0].split(',');
    const cells = lines[1].split(',');
    expect(cells[header.indexOf('postCode')]).toBe(school.code);
    expect(cells[header.indexOf('count')]).toBe('4');
    expect(cells[header.indexOf('dietary.vegetarian')]).toBe('1');
    expect(lines[1]).toContain(URDU_POST);
  });

  it('prints the orders as a PDF, a page per kitchen, with the posts and counts', async () => {
    const response = await fetch(
      `${api.baseUrl}/api/v1/meals/orders.pdf?districtId=${haripur.districtId}&date=${POLL_DAY}`,
      { headers: { authorization: `Bearer ${api.token}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBe(2);
    const ghaziPage = text.find((page) => page.includes('Ghazi Tehsil Caterers'))!;
    expect(ghaziPage).toContain(school.code);
    expect(ghaziPage).toContain('Total breakfast: 4 meals');
    expect(ghaziPage).toContain('vegetarian 1');
    expect(ghaziPage).not.toContain('City Kitchen');
    const cityPage = text.find((page) => page.includes('City Kitchen'))!;
    expect(cityPage).toContain('Total lunch: 1 meals');
    // The Urdu name is drawn with the Naskh font, embedded in the file.
    expect(Buffer.from(bytes).toString('latin1')).toContain('NotoNaskhArabic');

    const outside = await api.get(`/api/v1/meals/orders.pdf?districtId=${haripur.districtId}&date=2027-02-31`);
    expect(outside.status).toBe(400);
  });

  it("tells the post's in-charge once, in Urdu, when the meal is dispatched", async () => {
    const plan = await planOf(school.id, 'lunch');
    const dispatched = await api.post(`/api/v1/meals/plans/${plan.id}/dispatch`, {
      by: 'Driver Aslam',
      at: '2027-02-08T12:05:00+05:00',
    });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body).toMatchObject({ status: 'dispatched', dispatchedBy: 'Driver Aslam' });
    expect(dispatched.body.dispatchedAt).toBe('2027-02-08T12:05:00+05:00');
    const again = await api.post(`/api/v1/meals/plans/${plan.id}/dispatch`, { by: 'Driver Aslam' });
    expect(again.status).toBe(409);

    const notice = await eventually(
      async () => {
        const response = await api.get(`/api/v1/notifications?personnelId=${inCharge}`);
        const meals = response.body.items.filter((n: any) => n.kind === 'meal_dispatched');
        expect(meals).toHaveLength(1);
        return meals[0];
      },
      { timeoutMs: 20_000 },
    );
    expect(notice.language).toBe('ur');
    expect(notice.body).toContain(school.code);
    expect(notice.body).toContain('دوپہر کے 4 کھانے');
    const guards = await api.get(`/api/v1/notifications?personnelId=${guard}`);
    expect(guards.body.items.filter((n: any) => n.kind === 'meal_dispatched')).toEqual([]);
    // Still one, after the notifier has had time for any second delivery of the event.
    const later = await api.get(`/api/v1/notifications?personnelId=${inCharge}`);
    expect(later.body.items.filter((n: any) => n.kind === 'meal_dispatched')).toHaveLength(1);
  });

  it('lists a delivery after its slot began as late and one never made as missing', async () => {
    const lunch = await planOf(school.id, 'lunch');
    const delivered = await api.post(`/api/v1/meals/plans/${lunch.id}/deliver`, {
      receivedBy: 'ASI Tariq',
      at: '2027-02-08T12:50:00+05:00',
    });
    expect(delivered.status).toBe(200);
    const breakfast = await planOf(school.id, 'breakfast');
    await api.post(`/api/v1/meals/plans/${breakfast.id}/deliver`, {
      receivedBy: 'ASI Tariq',
      at: '2027-02-08T06:50:00+05:00',
    });

    // Yesterday's lunch at the city post was planned and never came.
    const yesterday = DateTime.now().setZone('Asia/Karachi').minus({ days: 1 }).toISODate()!;
    const person = await world.person(haripur);
    const duty = await world.duty(person, haripur.postId, {
      startsAt: `${yesterday}T06:00:00+05:00`,
      endsAt: `${yesterday}T20:00:00+05:00`,
    });
    await world.projected([person], [duty]);
    const missed = await world.plan(haripur.postId, city.id, 'lunch', { date: yesterday });

    const today = await api.get(`/api/v1/meals/deliveries/problems?districtId=${haripur.districtId}&date=${POLL_DAY}`);
    expect(today.status).toBe(200);
    expect(today.body.items).toEqual([
      expect.objectContaining({ id: lunch.id, problem: 'late', minutesLate: 20, postCode: school.code }),
    ]);
    const before = await api.get(
      `/api/v1/meals/deliveries/problems?districtId=${haripur.districtId}&date=${yesterday}`,
    );
    expect(before.body.items).toEqual([
      expect.objectContaining({ id: missed.id, problem: 'missing', minutesLate: null, deliveredAt: null }),
    ]);
  });

  it('costs the day by kitchen, tehsil and district from served counts where known, planned ones otherwise', async () => {
    const lunch = await planOf(school.id, 'lunch');
    const served = await api.post(`/api/v1/meals/plans/${lunch.id}/serve`, { servedCount: 3 });
    expect(served.status).toBe(200);
    const refused = await api.post(`/api/v1/meals/plans/${lunch.id}/serve`, { servedCount: -1 });
    expect(refused.status).toBe(400);

    const byKitchen = await api.get(`/api/v1/meals/cost?districtId=${haripur.districtId}&date=${POLL_DAY}`);
    const costs = Object.fromEntries(byKitchen.body.items.map((c: any) => [c.name, [c.meals, c.servedMeals, c.cost]]));
    // Ghazi: breakfast 4 planned + lunch 3 served, at 400; the city: 1 + 1 planned, at 500.
    expect(costs).toEqual({ 'Ghazi Tehsil Caterers': [7, 3, 2800], 'City Kitchen': [2, 0, 1000] });
    const byDistrict = await api.get(
      `/api/v1/meals/cost?districtId=${haripur.districtId}&date=${POLL_DAY}&by=district`,
    );
    expect(byDistrict.body.items).toEqual([
      expect.objectContaining({ id: haripur.districtId, group: 'district', meals: 9, cost: 3800 }),
    ]);
    const byTehsil = await api.get(`/api/v1/meals/cost?districtId=${haripur.districtId}&date=${POLL_DAY}&by=tehsil`);
    expect(byTehsil.body.items).toEqual([expect.objectContaining({ id: haripur.tehsilId, meals: 9, cost: 3800 })]);
    const csv = await api.get(`/api/v1/meals/cost?districtId=${haripur.districtId}&date=${POLL_DAY}&format=csv`);
    expect(csv.body).toContain('Ghazi Tehsil Caterers');
  });
});
