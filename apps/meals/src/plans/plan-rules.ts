import { DomainError, ErrorCode, MealPlanStatus } from '@rasad/contracts';
import { Kitchen } from '../kitchens/kitchen.entity';
import { PostFact } from '../roster/roster-facts.repository';

/** A kitchen serves its listed posts and the posts of its listed tehsils; one listing neither serves its district. */
export function serves(kitchen: Kitchen, post: PostFact): boolean {
  if (kitchen.districtId !== post.districtId) {
    return false;
  }
  if (kitchen.tehsilIds.length === 0 && kitchen.postIds.length === 0) {
    return true;
  }
  return kitchen.postIds.includes(post.id) || kitchen.tehsilIds.includes(post.tehsilId);
}

/** How far each status has got: a step only goes forward, and a cancelled or served plan takes no more. */
const STEPS: Record<MealPlanStatus, number> = {
  planned: 0,
  ordered: 1,
  dispatched: 2,
  delivered: 3,
  served: 4,
  cancelled: 5,
};

export function invalidState(planId: string, message: string): DomainError {
  return new DomainError(ErrorCode.InvalidState, `meal plan ${planId}: ${message}`, undefined, { id: planId });
}

/** Count and kitchen change, and a plan is ordered or cancelled, only before the meal leaves the kitchen. */
export function ensureChangeable(planId: string, status: MealPlanStatus): void {
  if (STEPS[status] >= STEPS.dispatched) {
    throw invalidState(planId, `it is ${status}: count, kitchen and status change only while planned or ordered`);
  }
}

/** Dispatch, delivery and serving follow each other; repeating one's step is refused (it was recorded once). */
export function ensureNextStep(planId: string, status: MealPlanStatus, step: 'dispatched' | 'delivered' | 'served') {
  const allowed: Record<typeof step, MealPlanStatus[]> = {
    dispatched: ['planned', 'ordered'],
    delivered: ['planned', 'ordered', 'dispatched'],
    served: ['delivered'],
  };
  if (!allowed[step].includes(status)) {
    throw invalidState(planId, `it is ${status}, so it cannot be marked ${step}`);
  }
}
