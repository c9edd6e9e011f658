import { loadEnv } from '@rasad/common';
import { TestApi, eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { seedDemo } from '../../roster/src/bootstrap';
import { buildHaripurDemo } from '../../roster/src/seed/haripur-demo';
import { createMeals } from '../src/bootstrap';
import { MealsEnv } from '../src/meals.env';
import { POLL_DAY } from './meals-fixtures';

/** `npm start`'s Haripur: its kitchens come with the demo, and the poll day's plans generate out of the box. */
describe('the Haripur demo poll day', () => {
  let rasad: RunningRasad;
  let api: TestApi;
  let db: Client;
  const demo = buildHaripurDemo();
  const haripur = demo.districts.find((district) => district.code === 'HRP')!;

  beforeAll(async () => {
    rasad = await startRasad(
      'meals_demo',
      {},
      { gateway: { RASAD_SERVICES: 'roster,meals', RASAD_EVENT_CONSUMERS: 'meals' } },
      { services: [(common) => createMeals(loadEnv(MealsEnv, { ...common, RASAD_DEMO_DATA: 'true' }))] },
    );
    api = rasad.api;
    db = new Client({ connectionString: rasad.database.url });
    await db.connect();
    await seedDemo(rasad.roster, true);
    await eventually(
      async () => {
        const { rows } = await db.query<{ duties: number }>('select count(*)::int as duties from meals.duty');
        expect(rows[0].duties).toBe(demo.assignments.length);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await rasad?.stop();
  });

  it('plans every post with people on duty, every slot, within each kitchen slot', async () => {
    const kitchens = await api.get(`/api/v1/meals/kitchens?districtId=${haripur.id}`);
    expect(kitchens.body.items.map((k: { name: string }) => k.name).sort()).toEqual([
      'Ghazi Tehsil Caterers',
      'Haripur Tehsil Caterers',
      'Khanpur Tehsil Caterers',
      'Police Lines Mess Haripur',
    ]);

    const started = Date.now();
    const generated = await api.post('/api/v1/meals/plans/generate', { districtId: haripur.id, date: POLL_DAY });
    const took = Date.now() - started;
    expect(generated.status).toBe(200);
    expect(generated.body.unplaced).toEqual([]);

    const wanted = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: { body: { items: { postId: string; slot: string }[]; nextCursor: string | null } } = await api.get(
        `/api/v1/meals/headcounts?districtId=${haripur.id}&date=${POLL_DAY}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      );
      page.body.items.forEach((headcount) => wanted.add(`${headcount.postId}:${headcount.slot}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    const { rows: plans } = await db.query<{ key: string }>(
      `select post_id || ':' || slot as key from meals.meal_plan where date = $1 and status <> 'cancelled'`,
      [POLL_DAY],
    );
    expect(new Set(plans.map((plan) => plan.key))).toEqual(wanted);
    expect(generated.body.planned).toBe(wanted.size);

    const { rows: over } = await db.query(
      `select l.kitchen_id, l.slot, l.planned, k.capacity_per_slot from meals.kitchen_slot_load l
       join meals.kitchen k on k.id = l.kitchen_id where l.planned > k.capacity_per_slot`,
    );
    expect(over).toEqual([]);
    // One figure for the report: a district's poll day generated in one request.
    process.stdout.write(
      `meals demo: ${wanted.size} post-slots, ${generated.body.meals} meals planned in ${took} ms\n`,
    );
  });
});
