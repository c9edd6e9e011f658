import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  DeliverMealMessage,
  DeliveryProblemView,
  DispatchMealMessage,
  DistrictDateQuery,
  MealPlanView,
  MealsEvents,
  Page,
  ServeMealMessage,
} from '@rasad/contracts';
import { ensureInScope } from '@rasad/messaging';
import { Outbox } from '@rasad/messaging';
import { ensureNextStep } from '../plans/plan-rules';
import { PlanViews, planEvent } from '../plans/plan-views';
import { PlansRepository } from '../plans/plans.repository';
import { findPlan } from '../plans/plans.service';
import { DeliveriesRepository } from './deliveries.repository';

/** A meal's way from the kitchen to the post: dispatched, delivered, served; each recorded once, with its event. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly plans: PlansRepository,
    private readonly views: PlanViews,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  dispatch(message: DispatchMealMessage, scope: CallerScope): Promise<MealPlanView> {
    return this.step(message.id, scope, 'dispatched', {
      status: 'dispatched',
      dispatchedAt: message.at ?? new Date().toISOString(),
      dispatchedBy: message.by,
    });
  }

  /** Delivered also when no dispatch was recorded: the post's word that the meal arrived is what counts. */
  deliver(message: DeliverMealMessage, scope: CallerScope): Promise<MealPlanView> {
    return this.step(message.id, scope, 'delivered', {
      status: 'delivered',
      deliveredAt: message.at ?? new Date().toISOString(),
      receivedBy: message.receivedBy,
    });
  }

  serve(message: ServeMealMessage, scope: CallerScope): Promise<MealPlanView> {
    return this.step(message.id, scope, 'served', { status: 'served', servedCount: message.servedCount });
  }

  problems(query: DistrictDateQuery, scope: CallerScope): Promise<Page<DeliveryProblemView>> {
    ensureInScope(scope, query.districtId, 'district', query.districtId);
    return this.deliveries.problems(this.em, query, scope);
  }

  private step(
    id: string,
    scope: CallerScope,
    step: 'dispatched' | 'delivered' | 'served',
    changes: Parameters<PlansRepository['update']>[2],
  ): Promise<MealPlanView> {
    const subject = {
      dispatched: MealsEvents.dispatched,
      delivered: MealsEvents.delivered,
      served: MealsEvents.served,
    }[step];
    return this.em.transactional(async (em) => {
      const plan = await findPlan(em, this.plans, id, scope, true);
      ensureNextStep(plan.id, plan.status, step);
      await this.plans.update(em, plan.id, changes);
      const changed = (await this.plans.find(em, plan.id))!;
      this.outbox.record(em, subject, changed.id, planEvent(changed));
      await em.flush();
      return this.views.one(em, changed);
    });
  }
}
