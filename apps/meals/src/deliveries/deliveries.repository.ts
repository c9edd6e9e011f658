import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { pageRows } from '@rasad/common';
import { CallerScope, DeliveryProblemView, DistrictDateQuery, MealPlanStatus, Page } from '@rasad/contracts';
import { IN_SCOPE, PLAN_SELECT, scopeParams } from '../plans/plans.repository';

interface ProblemRow {
  id: string;
  problem: 'late' | 'missing';
  post_id: string;
  post_code: string;
  post_name: string;
  slot: string;
  slot_starts_at: Date | string;
  planned_count: number;
  kitchen_id: string;
  kitchen_name: string;
  status: MealPlanStatus;
  dispatched_at: Date | string | null;
  delivered_at: Date | string | null;
  minutes_late: number | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * A delivery is late when it arrived after its slot began, missing when its slot has begun and it has not arrived;
 * in the order the slots began.
 */
@Injectable()
export class DeliveriesRepository {
  problems(em: EntityManager, query: DistrictDateQuery, scope: CallerScope): Promise<Page<DeliveryProblemView>> {
    return pageRows<ProblemRow, DeliveryProblemView>(
      em,
      {
        sql: `select plans.*,
                case when plans.delivered_at is null then 'missing' else 'late' end as problem,
                case when plans.delivered_at is null then null
                  else floor(extract(epoch from plans.delivered_at - plans.slot_starts_at) / 60)::int end as minutes_late
              from (${PLAN_SELECT} where ${IN_SCOPE} and mp.district_id = ? and mp.date = ?::date
                and mp.status <> 'cancelled') as plans
              where (plans.delivered_at is null and plans.slot_starts_at <= now())
                 or plans.delivered_at > plans.slot_starts_at`,
        params: [...scopeParams(scope), query.districtId, query.date],
      },
      query,
      (row) => ({
        id: row.id,
        problem: row.problem,
        postId: row.post_id,
        postCode: row.post_code,
        postName: row.post_name,
        slot: row.slot,
        slotStartsAt: iso(row.slot_starts_at)!,
        count: row.planned_count,
        kitchenId: row.kitchen_id,
        kitchenName: row.kitchen_name,
        status: row.status,
        dispatchedAt: iso(row.dispatched_at),
        deliveredAt: iso(row.delivered_at),
        minutesLate: row.minutes_late,
      }),
      { keys: { slotStartsAt: 'slot_starts_at', postCode: 'post_code', problem: 'problem' }, natural: 'slotStartsAt' },
    );
  }
}
