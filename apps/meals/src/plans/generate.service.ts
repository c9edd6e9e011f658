import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  GenerateMealPlansRequest,
  GenerateMealPlansView,
  MealsEvents,
  UnplacedMealView,
} from '@rasad/contracts';
import { Outbox, ensureReferenceInScope } from '@rasad/messaging';
import { v7 as uuidv7 } from 'uuid';
import { Headcount, tallyOf } from '../headcounts/headcount';
import { HeadcountsService } from '../headcounts/headcounts.service';
import { Kitchen } from '../kitchens/kitchen.entity';
import { KitchensRepository } from '../kitchens/kitchens.repository';
import { ensureDeploymentDate, slotOn, slotsOn } from '../policy/meal-policy';
import { PolicyService } from '../policy/policy.service';
import { capacityConflict } from './capacity';
import { serves } from './plan-rules';
import { planEvent } from './plan-views';
import { NewPlan, PlansRepository, SlotLoad } from './plans.repository';

/**
 * Plans a district's day from its live headcounts: every post and slot with people on duty and no plan yet goes to
 * a kitchen that serves it and has room left for the slot (the kitchen listing the post itself first, then the one
 * with most room). The kitchen slots' load rows are locked first, so the room counted is the room there is.
 */
@Injectable()
export class GenerateService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly plans: PlansRepository,
    private readonly kitchens: KitchensRepository,
    private readonly policies: PolicyService,
    private readonly headcounts: HeadcountsService,
  ) {}

  async generate(body: GenerateMealPlansRequest, scope: CallerScope): Promise<GenerateMealPlansView> {
    ensureReferenceInScope(scope, body.districtId, 'districtId', 'district', body.districtId);
    const policy = await this.policies.get();
    ensureDeploymentDate(policy, body.date);
    const slots = slotsOn(policy, body.date).map((slot) => slot.name);
    const startsAt = new Map(slots.map((slot) => [slot, slotOn(policy, body.date, slot).startsAt.toISOString()]));
    return this.em.transactional(async (em) => {
      await this.plans.lockDistrictDay(em, body.districtId, body.date);
      const planned = new Set(
        (await this.plans.ofDay(em, body.districtId, body.date)).map((plan) => `${plan.postId}:${plan.slot}`),
      );
      const wanted = (await this.headcounts.on(em, policy, body.districtId, body.date)).filter(
        (headcount) => headcount.people.length > 0,
      );
      const open = wanted.filter((headcount) => !planned.has(`${headcount.post.id}:${headcount.slot}`));
      const kitchens = await this.kitchens.activeIn(em, body.districtId);
      const room = roomOf(
        await this.plans.lockLoads(
          em,
          kitchens.map((k) => k.id),
          body.date,
          slots,
        ),
      );
      const placed: NewPlan[] = [];
      const unplaced: UnplacedMealView[] = [];
      for (const headcount of open) {
        const count = headcount.people.length;
        const candidates = kitchens.filter((kitchen) => serves(kitchen, headcount.post));
        const kitchen = choose(candidates, headcount, room);
        if (!kitchen) {
          unplaced.push(unplacedMeal(headcount, candidates, room));
          continue;
        }
        room.set(`${kitchen.id}:${headcount.slot}`, (room.get(`${kitchen.id}:${headcount.slot}`) ?? 0) - count);
        placed.push({
          id: uuidv7(),
          districtId: body.districtId,
          tehsilId: headcount.post.tehsilId,
          postId: headcount.post.id,
          date: body.date,
          slot: headcount.slot,
          slotStartsAt: startsAt.get(headcount.slot)!,
          kitchenId: kitchen.id,
          count,
          dietary: tallyOf(headcount.people),
        });
      }
      try {
        await this.plans.insertMany(em, placed);
      } catch (error) {
        throw capacityConflict(error, new Map(kitchens.map((k) => [k.id, k.name]))) ?? error;
      }
      const ids = new Set(placed.map((plan) => plan.id));
      const written = (await this.plans.ofDay(em, body.districtId, body.date)).filter((plan) => ids.has(plan.id));
      await this.outbox.insertMany(
        em,
        written.map((plan) => ({
          subject: MealsEvents.planPlanned,
          aggregateId: plan.id,
          payload: planEvent(plan),
        })),
      );
      return {
        date: body.date,
        planned: placed.length,
        meals: placed.reduce((sum, plan) => sum + plan.count, 0),
        alreadyPlanned: wanted.length - open.length,
        unplaced,
      };
    });
  }
}

function roomOf(loads: SlotLoad[]): Map<string, number> {
  return new Map(loads.map((load) => [`${load.kitchenId}:${load.slot}`, load.capacity - load.planned]));
}

function choose(candidates: Kitchen[], headcount: Headcount, room: Map<string, number>): Kitchen | undefined {
  const fits = candidates.filter(
    (kitchen) => (room.get(`${kitchen.id}:${headcount.slot}`) ?? 0) >= headcount.people.length,
  );
  const own = fits.filter((kitchen) => kitchen.postIds.includes(headcount.post.id));
  const pool = own.length > 0 ? own : fits;
  return pool.sort(
    (a, b) => (room.get(`${b.id}:${headcount.slot}`) ?? 0) - (room.get(`${a.id}:${headcount.slot}`) ?? 0),
  )[0];
}

function unplacedMeal(headcount: Headcount, candidates: Kitchen[], room: Map<string, number>): UnplacedMealView {
  const base = {
    postId: headcount.post.id,
    postCode: headcount.post.code,
    slot: headcount.slot,
    count: headcount.people.length,
  };
  if (candidates.length === 0) {
    return { ...base, reason: 'no_kitchen', message: `no active kitchen serves post ${headcount.post.code}` };
  }
  const left = candidates
    .map((kitchen) => `${kitchen.name} (${Math.max(0, room.get(`${kitchen.id}:${headcount.slot}`) ?? 0)} left)`)
    .join(', ');
  return {
    ...base,
    reason: 'capacity',
    message: `no kitchen serving post ${headcount.post.code} has room for ${base.count} at ${headcount.slot}: ${left}`,
  };
}
