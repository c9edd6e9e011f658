import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { pageRows } from '@rasad/common';
import {
  CallerScope,
  CostGroup,
  DietaryTallyView,
  KitchenOrdersQuery,
  MealCostQuery,
  MealCostView,
  MealPlanStatus,
  OrderLineView,
  Page,
} from '@rasad/contracts';
import { IN_SCOPE, PLAN_SELECT, scopeParams } from '../plans/plans.repository';

interface OrderLineRow {
  id: string;
  kitchen_id: string;
  kitchen_name: string;
  date: string;
  slot: string;
  post_id: string;
  post_code: string;
  post_name: string;
  planned_count: number;
  dietary: DietaryTallyView;
  status: MealPlanStatus;
}

interface CostRow {
  id: string;
  name: string | null;
  plans: number;
  meals: number;
  served_meals: number;
  cost: string;
}

// Where the meal goes: the post's name and code, which the driver asks for at the police station.
const addressOf = (row: OrderLineRow) => `${row.post_name} (${row.post_code})`;

const GROUP_COLUMN: Record<CostGroup, { id: string; name: string }> = {
  kitchen: { id: 'mp.kitchen_id', name: 'min(k.name)' },
  tehsil: { id: 'mp.tehsil_id', name: 'null::text' },
  district: { id: 'mp.district_id', name: 'null::text' },
};

/** Kitchen orders (a plan is a line of its kitchen's order) and the day's cost. */
@Injectable()
export class OrdersRepository {
  /** In the order a kitchen reads them: by kitchen, then slot, then post code. */
  lines(em: EntityManager, query: KitchenOrdersQuery, scope: CallerScope): Promise<Page<OrderLineView>> {
    const filters = [IN_SCOPE, 'mp.district_id = ?', 'mp.date = ?::date', `mp.status <> 'cancelled'`];
    const params: unknown[] = [...scopeParams(scope), query.districtId, query.date];
    if (query.slot) {
      filters.push('mp.slot = ?');
      params.push(query.slot);
    }
    if (query.kitchenId) {
      filters.push('mp.kitchen_id = ?');
      params.push(query.kitchenId);
    }
    return pageRows<OrderLineRow, OrderLineView>(
      em,
      {
        sql: `select plans.*, plans.kitchen_name || '|' || plans.kitchen_id || '|' ||
                to_char(plans.slot_starts_at at time zone 'UTC', 'YYYYMMDDHH24MI') || '|' || plans.post_code
                as sheet_order
              from (${PLAN_SELECT} where ${filters.join(' and ')}) as plans`,
        params,
      },
      query,
      (row) => ({
        id: row.id,
        kitchenId: row.kitchen_id,
        kitchenName: row.kitchen_name,
        date: row.date,
        slot: row.slot,
        postId: row.post_id,
        postCode: row.post_code,
        postName: row.post_name,
        address: addressOf(row),
        count: row.planned_count,
        dietary: row.dietary,
        status: row.status,
      }),
      { keys: { sheet: 'sheet_order' }, natural: 'sheet' },
    );
  }

  /** Contact phones of the kitchens named, for the printed orders. */
  async contacts(em: EntityManager, kitchenIds: string[]): Promise<Map<string, string>> {
    const rows = await em.execute<{ id: string; contact_phone: string }[]>(
      'select id, contact_phone from meals.kitchen where id = any(?::uuid[])',
      [`{${kitchenIds.join(',')}}`],
    );
    return new Map(rows.map((row) => [row.id, row.contact_phone]));
  }

  /** Meals and cost per kitchen, tehsil or district: served counts where recorded, planned ones otherwise. */
  cost(em: EntityManager, query: MealCostQuery, scope: CallerScope): Promise<Page<MealCostView>> {
    const group = query.by ?? 'kitchen';
    const column = GROUP_COLUMN[group];
    return pageRows<CostRow, MealCostView>(
      em,
      {
        sql: `select ${column.id} as id, ${column.name} as name, count(*)::int as plans,
                sum(coalesce(mp.served_count, mp.planned_count))::int as meals,
                coalesce(sum(mp.served_count), 0)::int as served_meals,
                sum(coalesce(mp.served_count, mp.planned_count) * k.cost_per_meal)::numeric(14, 2)::text as cost
              from meals.meal_plan mp join meals.kitchen k on k.id = mp.kitchen_id
              where ${IN_SCOPE} and mp.district_id = ? and mp.date = ?::date and mp.status <> 'cancelled'
              group by ${column.id}`,
        params: [...scopeParams(scope), query.districtId, query.date],
      },
      query,
      (row) => ({
        id: row.id,
        group,
        name: row.name,
        date: query.date,
        plans: row.plans,
        meals: row.meals,
        servedMeals: row.served_meals,
        cost: Number(row.cost),
      }),
    );
  }
}
