import { Migration } from '@mikro-orm/migrations';
import { DEFAULT_MEAL_SLOTS } from '@rasad/duty-assignments';
import { messagingTablesSql } from '@rasad/messaging';
import { rosterProjectionSql } from '@rasad/roster-projection';

/**
 * The meals service's schema: the deployment's meal policy, kitchens, meal plans with their deliveries, the planned
 * meals per kitchen slot that the database keeps within capacity, its copy of the roster, plus the outbox, inbox and
 * dead letters.
 */
export class Migration20261130013857MealsBase extends Migration {
  override up(): void {
    this.addSql('create schema if not exists meals;');
    this.policy();
    this.kitchens();
    this.plans();
    this.loadTriggers();
    // The roster's people (with their dietary needs), posts and duties, kept by @rasad/roster-projection.
    for (const sql of rosterProjectionSql({
      schema: 'meals',
      tables: ['personnel', 'post', 'duty'],
      dietaryNeeds: true,
    })) {
      this.addSql(`${sql};`);
    }
    for (const sql of messagingTablesSql('meals')) {
      this.addSql(`${sql};`);
    }
  }

  /** One row: the deployment's days (open until an admin sets them), its slots and its Ramadan window. */
  private policy(): void {
    this.addSql(`
      create table meals.policy (
        id smallint primary key default 1 constraint policy_one_row check (id = 1),
        first_date date,
        last_date date,
        slots jsonb not null,
        ramadan jsonb,
        updated_at timestamptz not null default now(),
        constraint policy_dates_in_order check (first_date <= last_date)
      );`);
    this.addSql(`insert into meals.policy (slots) values ('${JSON.stringify(DEFAULT_MEAL_SLOTS)}'::jsonb);`);
  }

  private kitchens(): void {
    this.addSql(`
      create table meals.kitchen (
        id uuid primary key,
        name text not null,
        district_id uuid not null,
        tehsil_ids uuid[] not null default '{}',
        post_ids uuid[] not null default '{}',
        contact_phone text not null,
        capacity_per_slot integer not null constraint kitchen_capacity_not_negative check (capacity_per_slot >= 0),
        cost_per_meal numeric(10, 2) not null constraint kitchen_cost_not_negative check (cost_per_meal >= 0),
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index kitchen_district_idx on meals.kitchen (district_id, name);');
    // The meals planned at a kitchen for one slot of one day, kept by the triggers below: code never writes it.
    this.addSql(`
      create table meals.kitchen_slot_load (
        kitchen_id uuid not null references meals.kitchen (id),
        date date not null,
        slot text not null,
        planned integer not null,
        capacity integer not null,
        primary key (kitchen_id, date, slot),
        constraint kitchen_slot_within_capacity check (planned <= capacity)
      );`);
  }

  private plans(): void {
    this.addSql(`
      create table meals.meal_plan (
        id uuid primary key,
        district_id uuid not null,
        tehsil_id uuid not null,
        post_id uuid not null,
        date date not null,
        slot text not null,
        slot_starts_at timestamptz not null,
        kitchen_id uuid not null references meals.kitchen (id),
        planned_count integer not null constraint meal_plan_count_not_negative check (planned_count >= 0),
        dietary jsonb not null,
        status text not null default 'planned' constraint meal_plan_status_known
          check (status in ('planned', 'ordered', 'dispatched', 'delivered', 'served', 'cancelled')),
        dispatched_at timestamptz,
        dispatched_by text,
        delivered_at timestamptz,
        received_by text,
        served_count integer constraint meal_plan_served_not_negative check (served_count >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(
      `create unique index meal_plan_once on meals.meal_plan (post_id, date, slot) where status <> 'cancelled';`,
    );
    this.addSql('create index meal_plan_district_date_idx on meals.meal_plan (district_id, date, slot);');
    this.addSql('create index meal_plan_kitchen_idx on meals.meal_plan (kitchen_id, date, slot);');
  }

  /**
   * Row-level: every plan written takes its kitchen slot's load row lock through the upsert, so concurrent writers
   * of one kitchen slot take turns and `kitchen_slot_within_capacity` sees every meal; a write that would pass the
   * capacity fails whole (23514). A cancelled plan counts for nothing.
   */
  private loadTriggers(): void {
    this.addSql(`
      create function meals.meal_plan_load() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and old.status <> 'cancelled' then
          update meals.kitchen_slot_load set planned = planned - old.planned_count
          where kitchen_id = old.kitchen_id and date = old.date and slot = old.slot;
        end if;
        if tg_op in ('INSERT', 'UPDATE') and new.status <> 'cancelled' then
          insert into meals.kitchen_slot_load (kitchen_id, date, slot, planned, capacity)
          select new.kitchen_id, new.date, new.slot, new.planned_count, k.capacity_per_slot
          from meals.kitchen k where k.id = new.kitchen_id
          on conflict (kitchen_id, date, slot) do update set planned = meals.kitchen_slot_load.planned + excluded.planned;
        end if;
        return null;
      end $$;`);
    this.addSql(`
      create trigger meal_plan_load after insert or delete or update of planned_count, kitchen_id, status, date, slot
      on meals.meal_plan for each row execute function meals.meal_plan_load();`);
    this.addSql(`
      create function meals.kitchen_capacity() returns trigger language plpgsql as $$
      begin
        update meals.kitchen_slot_load set capacity = new.capacity_per_slot where kitchen_id = new.id;
        return null;
      end $$;`);
    this.addSql(`
      create trigger kitchen_capacity after update of capacity_per_slot on meals.kitchen for each row
      when (old.capacity_per_slot is distinct from new.capacity_per_slot) execute function meals.kitchen_capacity();`);
  }
}
