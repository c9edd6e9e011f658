import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  FieldError,
  MealPolicyRequest,
  MealPolicyView,
  MealSlotsQuery,
  MealSlotsView,
  isLocalDate,
} from '@rasad/contracts';
import { minutesOfDay } from '@rasad/duty-assignments';
import { MealsEnv } from '../meals.env';
import { PolicyRepository } from './policy.repository';
import { slotsOn } from './meal-policy';

/** The deployment's meal policy: read by every context, changed by admins. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly em: EntityManager,
    private readonly env: MealsEnv,
    private readonly policies: PolicyRepository,
  ) {}

  async get(em: EntityManager = this.em): Promise<MealPolicyView> {
    return { timeZone: this.env.RASAD_TIME_ZONE, ...(await this.policies.read(em)) };
  }

  async set(policy: MealPolicyRequest): Promise<MealPolicyView> {
    ensureConsistent(policy);
    return { timeZone: this.env.RASAD_TIME_ZONE, ...(await this.policies.write(this.em, policy)) };
  }

  async slots({ date }: MealSlotsQuery): Promise<MealSlotsView> {
    return { date, slots: slotsOn(await this.get(), date) };
  }
}

/** What class-validator cannot say of a policy: order of dates, unique slots, iftar dates and times. */
function ensureConsistent(policy: MealPolicyRequest): void {
  const errors: FieldError[] = [];
  if (policy.firstDate > policy.lastDate) {
    errors.push({ field: 'lastDate', message: 'lastDate must not be before firstDate' });
  }
  const names = policy.slots.map((slot) => slot.name);
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) {
      errors.push({ field: `slots[${index}].name`, message: `slot ${name} is named twice` });
    }
  });
  policy.slots.forEach((slot, index) => {
    if (minutesOfDay(slot.start) === minutesOfDay(slot.end)) {
      errors.push({ field: `slots[${index}].end`, message: 'a slot must end after it starts' });
    }
  });
  const ramadan = policy.ramadan;
  if (ramadan) {
    if (ramadan.from > ramadan.to) {
      errors.push({ field: 'ramadan.to', message: 'ramadan.to must not be before ramadan.from' });
    }
    for (const [date, time] of Object.entries(ramadan.iftarByDate ?? {})) {
      if (!isLocalDate(date) || typeof time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) {
        errors.push({ field: `ramadan.iftarByDate.${date}`, message: 'iftarByDate maps YYYY-MM-DD to HH:mm' });
      }
    }
  }
  if (errors.length > 0) {
    throw new DomainError(ErrorCode.ValidationFailed, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
}
