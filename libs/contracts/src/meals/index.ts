import { IdRequest } from '../common.dto';
import { Page } from '../pagination';
import { PingReply } from '../rpc-map';
import { EventPayloadsOf } from '../events/event-map';
import { registerServiceContract } from '../service-contract';
import {
  DeliverMealMessage,
  DeliveryProblemView,
  DispatchMealMessage,
  DistrictDateQuery,
  KitchenOrdersPdfReply,
  KitchenOrdersQuery,
  MealCostQuery,
  MealCostView,
  OrderLineView,
  ServeMealMessage,
} from './deliveries.contract';
import { MealPlanEvent } from './events.contract';
import { CreateKitchenRequest, KitchenView, ListKitchensQuery, UpdateKitchenMessage } from './kitchens.contract';
import {
  CreateMealPlanRequest,
  GenerateMealPlansRequest,
  GenerateMealPlansView,
  HeadcountView,
  HeadcountsQuery,
  ListMealPlansQuery,
  MealPlanView,
  UpdateMealPlanMessage,
} from './plans.contract';
import { MealPolicyRequest, MealPolicyView, MealSlotsQuery, MealSlotsView } from './policy.contract';

export * from './local-date';
export * from './policy.contract';
export * from './kitchens.contract';
export * from './plans.contract';
export * from './deliveries.contract';
export * from './events.contract';

/**
 * Everything the meals service shares with its callers, in one folder: its subjects, its part of the RPC map and its
 * queue group, its events and their payload classes (docs/adding-a-service.md).
 */
export const MealsSubjects = {
  ping: 'meals.health.ping.v1',
  policyGet: 'meals.policy.get.v1',
  policySet: 'meals.policy.set.v1',
  slotsOn: 'meals.policy.slots.v1',
  kitchenCreate: 'meals.kitchen.create.v1',
  kitchenGet: 'meals.kitchen.get.v1',
  kitchenList: 'meals.kitchen.list.v1',
  kitchenUpdate: 'meals.kitchen.update.v1',
  headcountList: 'meals.headcount.list.v1',
  planCreate: 'meals.plan.create.v1',
  planGet: 'meals.plan.get.v1',
  planList: 'meals.plan.list.v1',
  planUpdate: 'meals.plan.update.v1',
  planGenerate: 'meals.plan.generate.v1',
  dispatch: 'meals.delivery.dispatch.v1',
  deliver: 'meals.delivery.deliver.v1',
  serve: 'meals.delivery.serve.v1',
  deliveryProblems: 'meals.delivery.problems.v1',
  orderList: 'meals.order.list.v1',
  orderPdf: 'meals.order.pdf.v1',
  costList: 'meals.cost.list.v1',
} as const;

declare module '../rpc-map' {
  interface RpcMap {
    [MealsSubjects.ping]: { request: Record<string, never>; reply: PingReply };
    [MealsSubjects.policyGet]: { request: Record<string, never>; reply: MealPolicyView };
    [MealsSubjects.policySet]: { request: MealPolicyRequest; reply: MealPolicyView };
    [MealsSubjects.slotsOn]: { request: MealSlotsQuery; reply: MealSlotsView };
    [MealsSubjects.kitchenCreate]: { request: CreateKitchenRequest; reply: KitchenView };
    [MealsSubjects.kitchenGet]: { request: IdRequest; reply: KitchenView };
    [MealsSubjects.kitchenList]: { request: ListKitchensQuery; reply: Page<KitchenView> };
    [MealsSubjects.kitchenUpdate]: { request: UpdateKitchenMessage; reply: KitchenView };
    [MealsSubjects.headcountList]: { request: HeadcountsQuery; reply: Page<HeadcountView> };
    [MealsSubjects.planCreate]: { request: CreateMealPlanRequest; reply: MealPlanView };
    [MealsSubjects.planGet]: { request: IdRequest; reply: MealPlanView };
    [MealsSubjects.planList]: { request: ListMealPlansQuery; reply: Page<MealPlanView> };
    [MealsSubjects.planUpdate]: { request: UpdateMealPlanMessage; reply: MealPlanView };
    [MealsSubjects.planGenerate]: { request: GenerateMealPlansRequest; reply: GenerateMealPlansView };
    [MealsSubjects.dispatch]: { request: DispatchMealMessage; reply: MealPlanView };
    [MealsSubjects.deliver]: { request: DeliverMealMessage; reply: MealPlanView };
    [MealsSubjects.serve]: { request: ServeMealMessage; reply: MealPlanView };
    [MealsSubjects.deliveryProblems]: { request: DistrictDateQuery; reply: Page<DeliveryProblemView> };
    [MealsSubjects.orderList]: { request: KitchenOrdersQuery; reply: Page<OrderLineView> };
    [MealsSubjects.orderPdf]: { request: KitchenOrdersQuery; reply: KitchenOrdersPdfReply };
    [MealsSubjects.costList]: { request: MealCostQuery; reply: Page<MealCostView> };
  }
}

/** Meals' events, for readiness and the notifier. */
export const MealsEvents = {
  planPlanned: 'evt.meals.plan.planned.v1',
  planChanged: 'evt.meals.plan.changed.v1',
  dispatched: 'evt.meals.delivery.dispatched.v1',
  delivered: 'evt.meals.delivery.delivered.v1',
  served: 'evt.meals.delivery.served.v1',
} as const;

/** Each event's payload class: consumers validate the event by it, and its instances are the event's type. */
const mealsEventClasses = {
  [MealsEvents.planPlanned]: MealPlanEvent,
  [MealsEvents.planChanged]: MealPlanEvent,
  [MealsEvents.dispatched]: MealPlanEvent,
  [MealsEvents.delivered]: MealPlanEvent,
  [MealsEvents.served]: MealPlanEvent,
};

declare module '../events/event-map' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EventMap extends EventPayloadsOf<typeof mealsEventClasses> {}
}

registerServiceContract({ service: 'meals', queue: 'meals', events: mealsEventClasses });
