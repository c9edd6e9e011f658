import { loadEnv } from '@rasad/common';
import { Geography, TestApi, createPersonnel, rosterProjected, createUser } from '@rasad/testing';
import { ServiceFactory } from '@rasad/testing/rasad-app';
import { Client } from 'pg';
import { createMeals } from '../src/bootstrap';
import { MealsEnv } from '../src/meals.env';

export const POLL_DAY = '2027-02-08';
/** 06:00-20:00 on the poll day covers breakfast (08:00) and lunch (13:30), not dinner (20:30). */
export const DAY_SHIFT = { startsAt: '2027-02-08T06:00:00+05:00', endsAt: '2027-02-08T20:00:00+05:00' };
/** 14:00-23:00 covers dinner only. */
export const EVENING_SHIFT = { startsAt: '2027-02-08T14:00:00+05:00', endsAt: '2027-02-08T23:00:00+05:00' };

/** The meals service without the demo kitchens, which would only crowd a suite's lists. */
export const mealsService: ServiceFactory = (common) =>
  createMeals(loadEnv(MealsEnv, { ...common, RASAD_DEMO_DATA: 'false' }));

let posts = 0;

interface Headcount {
  count: number;
  dietary: Record<string, number>;
  people: { personnelId: string }[];
}

/** Roster facts made through the API, kitchens and plans through meals' API, and a look at meals' projection. */
export class MealsWorld {
  constructor(
    readonly api: TestApi,
    private readonly db: Client,
  ) {}

  async person(geo: Geography, overrides: Record<string, unknown> = {}): Promise<string> {
    return (await createPersonnel(this.api, geo, overrides)).id;
  }

  /** Another polling station at the geography's police station. */
  async post(geo: Geography, name = `Polling station ${++posts}`): Promise<{ id: string; code: string }> {
    const code = `MP-${Date.now().toString(36).slice(-5)}-${++posts}`.toUpperCase();
    const response = await this.api.post<{ id: string }>('/api/v1/posts', {
      code,
      name,
      kind: 'polling_station',
      category: 'B',
      policeStationId: geo.policeStationId,
    });
    if (response.status !== 201) {
      throw new Error(`post answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return { id: response.body.id, code };
  }

  async duty(
    personnelId: string,
    postId: string,
    window = DAY_SHIFT,
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    const response = await this.api.post<{ id: string }>('/api/v1/assignments', {
      personnelId,
      postId,
      role: 'guard',
      phase: 'poll_day',
      ...window,
      ...extra,
    });
    if (response.status !== 201) {
      throw new Error(`duty answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body.id;
  }

  async kitchen(districtId: string, overrides: Record<string, unknown> = {}) {
    const response = await this.api.post('/api/v1/meals/kitchens', {
      name: 'Haripur Caterers',
      districtId,
      contactPhone: '+923001234567',
      capacityPerSlot: 100,
      costPerMeal: 450,
      ...overrides,
    });
    if (response.status !== 201) {
      throw new Error(`kitchen answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as { id: string; name: string; capacityPerSlot: number };
  }

  async plan(postId: string, kitchenId: string, slot: string, extra: Record<string, unknown> = {}) {
    const response = await this.api.post('/api/v1/meals/plans', { postId, kitchenId, slot, date: POLL_DAY, ...extra });
    if (response.status !== 201) {
      throw new Error(`plan answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as { id: string; count: number };
  }

  /** Signs in a new user of this role in these districts. */
  user(username: string, role: string, districtIds: string[]): Promise<TestApi> {
    return createUser(this.api, username, role, districtIds);
  }

  /** Waits until meals' roster projection holds these people, duties and posts. */
  async projected(personnelIds: string[], dutyIds: string[], postIds: string[] = []): Promise<void> {
    await rosterProjected(this.db, 'meals', { personnelIds, dutyIds, postIds });
  }

  /** The headcount of a post's slot on the poll day, as the API answers it. */
  async headcount(districtId: string, postId: string, slot: string) {
    const response = await this.api.get<{ items: Headcount[] }>(
      `/api/v1/meals/headcounts?districtId=${districtId}&date=${POLL_DAY}&postId=${postId}&slot=${slot}&names=true`,
    );
    expect(response.status).toBe(200);
    return response.body.items[0] as Headcount | undefined;
  }

  /** Meals planned at a kitchen for a slot, as the database holds them. */
  async load(kitchenId: string, slot: string, date = POLL_DAY): Promise<{ planned: number; sum: number }> {
    const { rows } = await this.db.query<{ planned: number | null; sum: number }>(
      `select (select planned from meals.kitchen_slot_load where kitchen_id = $1 and date = $2 and slot = $3) as planned,
         (select coalesce(sum(planned_count), 0)::int from meals.meal_plan
          where kitchen_id = $1 and date = $2 and slot = $3 and status <> 'cancelled') as sum`,
      [kitchenId, date, slot],
    );
    return { planned: rows[0].planned ?? 0, sum: rows[0].sum };
  }
}
