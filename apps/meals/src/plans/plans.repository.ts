import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { pageRows } from '@rasad/common';
import { CallerScope, DietaryTallyView, ListMealPlansQuery, MealPlanStatus, Page } from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';

/** A plan as stored, with its post's code and name and its kitchen's name and price. */
export interface PlanRecord {
  id: string;
  districtId: string;
  tehsilId: string;
  postId: string;
  postCode: string;
  postName: string;
  date: string;
  slot: string;
  slotStartsAt: Date;
  kitchenId: string;
  kitchenName: string;
  costPerMeal: number;
  count: number;
  dietary: DietaryTallyView;
  status: MealPlanStatus;
  dispatchedAt: Date | null;
  dispatchedBy: string | null;
  deliveredAt: Date | null;
  receivedBy: string | null;
  servedCount: number | null;
  createdAt: Date;
  updatedAt: Date;
}

interface PlanRow {
  id: string;
  district_id: string;
  tehsil_id: string;
  post_id: string;
  post_code: string;
  post_name: string;
  date: string;
  slot: string;
  slot_starts_at: Date | string;
  kitchen_id: string;
  kitchen_name: string;
  cost_per_meal: string;
  planned_count: number;
  dietary: DietaryTallyView;
  status: MealPlanStatus;
  dispatched_at: Date | string | null;
  dispatched_by: string | null;
  delivered_at: Date | string | null;
  received_by: string | null;
  served_count: number | null;
  created_at: Date | string;
  updated_at: Date | string;
}

/** A plan to write: generation writes many in one statement. */
export interface NewPlan {
  id: string;
  districtId: string;
  tehsilId: string;
  postId: string;
  date: string;
  slot: string;
  slotStartsAt: string;
  kitchenId: string;
  count: number;
  dietary: DietaryTallyView;
}

export interface SlotLoad {
  kitchenId: string;
  slot: string;
  planned: number;
  capacity: number;
}

const instant = (value: Date | string) => new Date(value);
const maybeInstant = (value: Date | string | null) => (value === null ? null : new Date(value));

export function toPlanRecord(row: PlanRow): PlanRecord {
  return {
    id: row.id,
    districtId: row.district_id,
    tehsilId: row.tehsil_id,
    postId: row.post_id,
    postCode: row.post_code,
    postName: row.post_name,
    date: row.date,
    slot: row.slot,
    slotStartsAt: instant(row.slot_starts_at),
    kitchenId: row.kitchen_id,
    kitchenName: row.kitchen_name,
    costPerMeal: Number(row.cost_per_meal),
    count: row.planned_count,
    dietary: row.dietary,
    status: row.status,
    dispatchedAt: maybeInstant(row.dispatched_at),
    dispatchedBy: row.dispatched_by,
    deliveredAt: maybeInstant(row.delivered_at),
    receivedBy: row.received_by,
    servedCount: row.served_count,
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
  };
}

/** Every read of plans selects this, so a view always has its post's and kitchen's names. */
export const PLAN_SELECT = `
  select mp.id, mp.district_id, mp.tehsil_id, mp.post_id, coalesce(p.code, '') as post_code,
    coalesce(p.name, '') as post_name, mp.date::text as date, mp.slot, mp.slot_starts_at, mp.kitchen_id,
    k.name as kitchen_name, k.cost_per_meal, mp.planned_count, mp.dietary, mp.status, mp.dispatched_at,
    mp.dispatched_by, mp.delivered_at, mp.received_by, mp.served_count, mp.created_at, mp.updated_at
  from meals.meal_plan mp
  join meals.kitchen k on k.id = mp.kitchen_id
  left join meals.post p on p.id = mp.post_id`;

/** The caller's districts (null: every district) as one bound array. */
export const IN_SCOPE = '(?::uuid[] is null or mp.district_id = any(?::uuid[]))';
export const scopeParams = (scope: CallerScope) => [uuidArray(scope.districtIds), uuidArray(scope.districtIds)];

const PLAN_ORDER = {
  keys: { date: 'date', slotStartsAt: 'slot_starts_at', postCode: 'post_code', status: 'status' },
  natural: 'slotStartsAt',
};

function filtered(query: ListMealPlansQuery, scope: CallerScope): { sql: string; params: unknown[] } {
  const filters = [IN_SCOPE];
  const params: unknown[] = scopeParams(scope);
  const add = (sql: string, ...values: unknown[]) => {
    filters.push(sql);
    params.push(...values);
  };
  if (query.districtId) {
    add('mp.district_id = ?', query.districtId);
  }
  if (query.date) {
    add('mp.date = ?::date', query.date);
  }
  if (query.slot) {
    add('mp.slot = any(?::text[])', `{${query.slot.join(',')}}`);
  }
  if (query.status) {
    add('mp.status = any(?::text[])', `{${query.status.join(',')}}`);
  } else {
    // Cancelled plans only when asked for, like cancelled duties.
    add(`mp.status <> 'cancelled'`);
  }
  if (query.kitchenId) {
    add('mp.kitchen_id = ?', query.kitchenId);
  }
  if (query.postId) {
    add('mp.post_id = ?', query.postId);
  }
  return { sql: `${PLAN_SELECT} where ${filters.join(' and ')}`, params };
}

/** The plans' SQL: reads with their names, writes in one statement, and the kitchen slot loads generation locks. */
@Injectable()
export class PlansRepository {
  list(em: EntityManager, query: ListMealPlansQuery, scope: CallerScope): Promise<Page<PlanRecord>> {
    const { sql, params } = filtered(query, scope);
    return pageRows<PlanRow, PlanRecord>(em, { sql, params }, query, toPlanRecord, PLAN_ORDER);
  }

  /** Every plan the query selects, in slot and post order: for a filter on what only code computes (flags). */
  async listAll(em: EntityManager, query: ListMealPlansQuery, scope: CallerScope): Promise<PlanRecord[]> {
    const { sql, params } = filtered(query, scope);
    const rows = await em.execute<PlanRow[]>(`${sql} order by mp.slot_starts_at, post_code, mp.id`, params);
    return rows.map(toPlanRecord);
  }

  /** The plan, in the caller's scope or not (the service decides); `lock` for a change. */
  async find(em: EntityManager, id: string, lock = false): Promise<PlanRecord | null> {
    if (lock) {
      await em.execute('select 1 from meals.meal_plan where id = ? for update', [id]);
    }
    const [row] = await em.execute<PlanRow[]>(`${PLAN_SELECT} where mp.id = ?`, [id]);
    return row ? toPlanRecord(row) : null;
  }

  /** Plans of a district's day, not cancelled, in the order they are served. */
  async ofDay(em: EntityManager, districtId: string, date: string): Promise<PlanRecord[]> {
    const rows = await em.execute<PlanRow[]>(
      `${PLAN_SELECT} where mp.district_id = ? and mp.date = ?::date and mp.status <> 'cancelled'
       order by mp.slot_starts_at, post_code, mp.id`,
      [districtId, date],
    );
    return rows.map(toPlanRecord);
  }

  /** Writes the plans with one statement; the load trigger checks every kitchen slot they fill. */
  async insertMany(em: EntityManager, plans: NewPlan[]): Promise<void> {
    if (plans.length === 0) {
      return;
    }
    await em.execute(
      `insert into meals.meal_plan (id, district_id, tehsil_id, post_id, date, slot, slot_starts_at, kitchen_id,
         planned_count, dietary)
       select p.id, p."districtId", p."tehsilId", p."postId", p.date, p.slot, p."slotStartsAt", p."kitchenId",
         p.count, p.dietary
       from jsonb_to_recordset(?::jsonb) as p(id uuid, "districtId" uuid, "tehsilId" uuid, "postId" uuid, date date,
         slot text, "slotStartsAt" timestamptz, "kitchenId" uuid, count integer, dietary jsonb)`,
      [JSON.stringify(plans)],
    );
  }

  /** Changes the plan's columns named; the load trigger moves its meals between kitchen slots. */
  async update(
    em: EntityManager,
    id: string,
    changes: Partial<{
      count: number;
      dietary: DietaryTallyView;
      kitchenId: string;
      status: MealPlanStatus;
      dispatchedAt: string;
      dispatchedBy: string;
      deliveredAt: string;
      receivedBy: string;
      servedCount: number;
    }>,
  ): Promise<void> {
    const columns: Record<keyof typeof changes, string> = {
      count: 'planned_count = ?',
      dietary: 'dietary = ?::jsonb',
      kitchenId: 'kitchen_id = ?',
      status: 'status = ?',
      dispatchedAt: 'dispatched_at = ?::timestamptz',
      dispatchedBy: 'dispatched_by = ?',
      deliveredAt: 'delivered_at = ?::timestamptz',
      receivedBy: 'received_by = ?',
      servedCount: 'served_count = ?',
    };
    const names = (Object.keys(changes) as (keyof typeof changes)[]).filter((name) => changes[name] !== undefined);
    if (names.length === 0) {
      return;
    }
    const values = names.map((name) => (name === 'dietary' ? JSON.stringify(changes.dietary) : changes[name]));
    await em.execute(
      `update meals.meal_plan set ${names.map((name) => columns[name]).join(', ')}, updated_at = now() where id = ?`,
      [...values, id],
    );
  }

  /**
   * Locks the load rows of these kitchens for these slots of the date (made first where none exists), in one order
   * so that concurrent generations take turns instead of deadlocking; what each holds and may hold.
   */
  async lockLoads(em: EntityManager, kitchenIds: string[], date: string, slots: string[]): Promise<SlotLoad[]> {
    if (kitchenIds.length === 0 || slots.length === 0) {
      return [];
    }
    await em.execute(
      `insert into meals.kitchen_slot_load (kitchen_id, date, slot, planned, capacity)
       select k.id, ?::date, s.slot, 0, k.capacity_per_slot
       from meals.kitchen k cross join unnest(?::text[]) as s(slot)
       where k.id = any(?::uuid[])
       on conflict (kitchen_id, date, slot) do nothing`,
      [date, `{${slots.join(',')}}`, uuidArray(kitchenIds)],
    );
    const rows = await em.execute<{ kitchen_id: string; slot: string; planned: number; capacity: number }[]>(
      `select kitchen_id, slot, planned, capacity from meals.kitchen_slot_load
       where kitchen_id = any(?::uuid[]) and date = ?::date and slot = any(?::text[])
       order by kitchen_id, slot for update`,
      [uuidArray(kitchenIds), date, `{${slots.join(',')}}`],
    );
    return rows.map((row) => ({
      kitchenId: row.kitchen_id,
      slot: row.slot,
      planned: row.planned,
      capacity: row.capacity,
    }));
  }

  /** One generation of a district's day at a time: the second waits, then sees the first one's plans. */
  async lockDistrictDay(em: EntityManager, districtId: string, date: string): Promise<void> {
    await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`meals.generate:${districtId}:${date}`]);
  }
}
