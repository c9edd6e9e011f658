import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MealPolicyRequest, MealSlotDto, RamadanDto } from '@rasad/contracts';

interface PolicyRow {
  first_date: string | null;
  last_date: string | null;
  slots: MealSlotDto[];
  ramadan: RamadanDto | null;
  updated_at: Date;
}

export interface StoredPolicy {
  firstDate: string | null;
  lastDate: string | null;
  slots: MealSlotDto[];
  ramadan: RamadanDto | null;
  updatedAt: string;
}

const toPolicy = (row: PolicyRow): StoredPolicy => ({
  firstDate: row.first_date,
  lastDate: row.last_date,
  slots: row.slots,
  ramadan: row.ramadan,
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** The policy's one row; dates come back as text, as they are meant (local days). */
@Injectable()
export class PolicyRepository {
  async read(em: EntityManager): Promise<StoredPolicy> {
    const [row] = await em.execute<PolicyRow[]>(
      `select first_date::text, last_date::text, slots, ramadan, updated_at from meals.policy where id = 1`,
    );
    return toPolicy(row);
  }

  async write(em: EntityManager, policy: MealPolicyRequest): Promise<StoredPolicy> {
    const [row] = await em.execute<PolicyRow[]>(
      `update meals.policy set first_date = ?::date, last_date = ?::date, slots = ?::jsonb, ramadan = ?::jsonb,
         updated_at = now()
       where id = 1
       returning first_date::text, last_date::text, slots, ramadan, updated_at`,
      [
        policy.firstDate,
        policy.lastDate,
        JSON.stringify(policy.slots),
        policy.ramadan ? JSON.stringify(policy.ramadan) : null,
      ],
    );
    return toPolicy(row);
  }
}
