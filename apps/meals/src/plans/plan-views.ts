import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DietaryTallyView, MealPlanEvent, MealPlanView } from '@rasad/contracts';
import { headcountId, planFlag, tallyOf } from '../headcounts/headcount';
import { HeadcountsService } from '../headcounts/headcounts.service';
import { PolicyService } from '../policy/policy.service';
import { PlanRecord } from './plans.repository';

const NO_ONE = { count: 0, dietary: tallyOf([]) };

/** Plans as views, each against the live headcount of its post, date and slot: `short`, `surplus` or `ok`. */
@Injectable()
export class PlanViews {
  constructor(
    private readonly headcounts: HeadcountsService,
    private readonly policies: PolicyService,
  ) {}

  async of(em: EntityManager, plans: readonly PlanRecord[]): Promise<MealPlanView[]> {
    const live = await this.liveCounts(em, plans);
    return plans.map((plan) => planView(plan, live.get(headcountId(plan.postId, plan.date, plan.slot)) ?? NO_ONE));
  }

  async one(em: EntityManager, plan: PlanRecord): Promise<MealPlanView> {
    return (await this.of(em, [plan]))[0];
  }

  /** One read of duties per district and day among the plans (one post's when all the plans are at one post). */
  private async liveCounts(
    em: EntityManager,
    plans: readonly PlanRecord[],
  ): Promise<Map<string, { count: number; dietary: DietaryTallyView }>> {
    const live = new Map<string, { count: number; dietary: DietaryTallyView }>();
    if (plans.length === 0) {
      return live;
    }
    const policy = await this.policies.get(em);
    const days = new Map<string, { districtId: string; date: string; posts: Set<string> }>();
    for (const plan of plans) {
      const key = `${plan.districtId}:${plan.date}`;
      const day = days.get(key) ?? { districtId: plan.districtId, date: plan.date, posts: new Set<string>() };
      day.posts.add(plan.postId);
      days.set(key, day);
    }
    for (const day of days.values()) {
      const onePost = day.posts.size === 1 ? [...day.posts][0] : undefined;
      for (const headcount of await this.headcounts.on(em, policy, day.districtId, day.date, onePost)) {
        live.set(headcountId(headcount.post.id, headcount.date, headcount.slot), {
          count: headcount.people.length,
          dietary: tallyOf(headcount.people),
        });
      }
    }
    return live;
  }
}

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

export function planView(plan: PlanRecord, live: { count: number; dietary: DietaryTallyView }): MealPlanView {
  const standing =
    plan.status === 'cancelled'
      ? { flag: 'ok' as const, shortBy: 0, surplusBy: 0 }
      : planFlag(plan.count, plan.dietary, live);
  return {
    id: plan.id,
    districtId: plan.districtId,
    tehsilId: plan.tehsilId,
    postId: plan.postId,
    postCode: plan.postCode,
    postName: plan.postName,
    date: plan.date,
    slot: plan.slot,
    kitchenId: plan.kitchenId,
    kitchenName: plan.kitchenName,
    count: plan.count,
    dietary: plan.dietary,
    status: plan.status,
    headcount: live.count,
    ...standing,
    dispatchedAt: iso(plan.dispatchedAt),
    dispatchedBy: plan.dispatchedBy,
    deliveredAt: iso(plan.deliveredAt),
    receivedBy: plan.receivedBy,
    servedCount: plan.servedCount,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export function planEvent(plan: PlanRecord): MealPlanEvent {
  return {
    id: plan.id,
    districtId: plan.districtId,
    tehsilId: plan.tehsilId,
    postId: plan.postId,
    postCode: plan.postCode,
    postName: plan.postName,
    date: plan.date,
    slot: plan.slot,
    slotStartsAt: plan.slotStartsAt.toISOString(),
    kitchenId: plan.kitchenId,
    kitchenName: plan.kitchenName,
    count: plan.count,
    dietary: { ...plan.dietary },
    status: plan.status,
    dispatchedAt: iso(plan.dispatchedAt),
    dispatchedBy: plan.dispatchedBy,
    deliveredAt: iso(plan.deliveredAt),
    receivedBy: plan.receivedBy,
    servedCount: plan.servedCount,
  };
}
