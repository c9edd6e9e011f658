import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { PgErrorCode, pgErrorCode } from '@rasad/common';
import {
  CallerScope,
  CreateMealPlanRequest,
  DomainError,
  ErrorCode,
  ListMealPlansQuery,
  MealPlanView,
  MealsEvents,
  Page,
  UpdateMealPlanMessage,
} from '@rasad/contracts';
import { Outbox, ensureReferenceInScope, inScope } from '@rasad/messaging';
import { v7 as uuidv7 } from 'uuid';
import { tallyOf } from '../headcounts/headcount';
import { HeadcountsService } from '../headcounts/headcounts.service';
import { findKitchenReference } from '../kitchens/kitchens.service';
import { ensureDeploymentDate, slotOn } from '../policy/meal-policy';
import { PolicyService } from '../policy/policy.service';
import { RosterFactsRepository } from '../roster/roster-facts.repository';
import { computedPage } from '../shared/computed-page';
import { capacityConflict } from './capacity';
import { ensureChangeable, serves } from './plan-rules';
import { PlanViews, planEvent } from './plan-views';
import { PlanRecord, PlansRepository } from './plans.repository';

/** Plans made and changed by hand; the database keeps every kitchen slot within capacity. */
@Injectable()
export class PlansService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly plans: PlansRepository,
    private readonly views: PlanViews,
    private readonly policies: PolicyService,
    private readonly headcounts: HeadcountsService,
    private readonly facts: RosterFactsRepository,
  ) {}

  /** A plan for a post's slot, by default for its live headcount and their dietary needs. */
  async create(body: CreateMealPlanRequest, scope: CallerScope): Promise<MealPlanView> {
    const policy = await this.policies.get();
    ensureDeploymentDate(policy, body.date);
    const slot = slotOn(policy, body.date, body.slot);
    const post = await this.facts.post(this.em, body.postId);
    if (!post) {
      throw DomainError.referenceNotFound('postId', 'post', body.postId);
    }
    ensureReferenceInScope(scope, post.districtId, 'postId', 'post', body.postId);
    const kitchen = await findKitchenReference(this.em, body.kitchenId, scope);
    if (!serves(kitchen, post)) {
      throw new DomainError(
        ErrorCode.ReferenceNotFound,
        `kitchenId: kitchen ${kitchen.name} does not serve post ${post.code}`,
        [{ field: 'kitchenId', message: `kitchen ${kitchen.name} does not serve post ${post.code}` }],
      );
    }
    const live = (await this.headcounts.on(this.em, policy, post.districtId, body.date, post.id)).find(
      (headcount) => headcount.slot === body.slot,
    );
    const id = uuidv7();
    return this.em.transactional(async (em) => {
      try {
        await this.plans.insertMany(em, [
          {
            id,
            districtId: post.districtId,
            tehsilId: post.tehsilId,
            postId: post.id,
            date: body.date,
            slot: body.slot,
            slotStartsAt: slot.startsAt.toISOString(),
            kitchenId: kitchen.id,
            count: body.count ?? live?.people.length ?? 0,
            dietary: tallyOf(live?.people ?? []),
          },
        ]);
      } catch (error) {
        if (pgErrorCode(error) === PgErrorCode.uniqueViolation) {
          throw new DomainError(
            ErrorCode.Duplicate,
            `post ${post.code} already has a meal plan for ${body.slot} on ${body.date}`,
            [{ field: 'slot', message: `post ${post.code} already has a meal plan for ${body.slot} on ${body.date}` }],
          );
        }
        throw capacityConflict(error, new Map([[kitchen.id, kitchen.name]])) ?? error;
      }
      const plan = (await this.plans.find(em, id))!;
      this.outbox.record(em, MealsEvents.planPlanned, plan.id, planEvent(plan));
      await em.flush();
      return this.views.one(em, plan);
    });
  }

  async get(id: string, scope: CallerScope): Promise<MealPlanView> {
    return this.views.one(this.em, await findPlan(this.em, this.plans, id, scope));
  }

  /**
   * A page of plans with their flags. A flag is not a column (it compares with the live headcount), so a `flag`
   * filter reads every plan the other filters select, keeps those flagged so, and pages them in slot order.
   */
  async list(query: ListMealPlansQuery, scope: CallerScope): Promise<Page<MealPlanView>> {
    if (query.flag) {
      const flags = new Set(query.flag);
      const views = await this.views.of(this.em, await this.plans.listAll(this.em, query, scope));
      return computedPage(
        views.filter((view) => flags.has(view.flag)),
        query,
      );
    }
    const found = await this.plans.list(this.em, query, scope);
    return { ...found, items: await this.views.of(this.em, found.items) };
  }

  /** A new count or kitchen, the live headcount taken as the plan, or the plan ordered or cancelled. */
  async update(message: UpdateMealPlanMessage, scope: CallerScope): Promise<MealPlanView> {
    return this.em.transactional(async (em) => {
      const plan = await findPlan(em, this.plans, message.id, scope, true);
      ensureChangeable(plan.id, plan.status);
      const kitchen = message.kitchenId ? await findKitchenReference(em, message.kitchenId, scope) : undefined;
      if (kitchen) {
        const post = await this.facts.post(em, plan.postId);
        if (!post || !serves(kitchen, post)) {
          const text = `kitchen ${kitchen.name} does not serve post ${plan.postCode}`;
          throw new DomainError(ErrorCode.ReferenceNotFound, `kitchenId: ${text}`, [
            { field: 'kitchenId', message: text },
          ]);
        }
      }
      let matched: { count: number; dietary: ReturnType<typeof tallyOf> } | undefined;
      if (message.matchHeadcount) {
        const policy = await this.policies.get(em);
        const live = (await this.headcounts.on(em, policy, plan.districtId, plan.date, plan.postId)).find(
          (headcount) => headcount.slot === plan.slot,
        );
        matched = { count: live?.people.length ?? 0, dietary: tallyOf(live?.people ?? []) };
      }
      try {
        await this.plans.update(em, plan.id, {
          count: message.count ?? matched?.count,
          dietary: matched?.dietary,
          kitchenId: kitchen?.id,
          status: message.status,
        });
      } catch (error) {
        const names = new Map([[plan.kitchenId, plan.kitchenName]]);
        if (kitchen) {
          names.set(kitchen.id, kitchen.name);
        }
        throw capacityConflict(error, names) ?? error;
      }
      const changed = (await this.plans.find(em, plan.id))!;
      this.outbox.record(em, MealsEvents.planChanged, changed.id, planEvent(changed));
      await em.flush();
      return this.views.one(em, changed);
    });
  }
}

/** A plan in the caller's districts, else 404 (as for one that does not exist). */
export async function findPlan(
  em: EntityManager,
  plans: PlansRepository,
  id: string,
  scope: CallerScope,
  lock = false,
): Promise<PlanRecord> {
  const plan = await plans.find(em, id, lock);
  if (!plan || !inScope(scope, plan.districtId)) {
    throw DomainError.notFound('meal plan', id);
  }
  return plan;
}
