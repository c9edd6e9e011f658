import { Migration } from '@mikro-orm/migrations';
import { messagingTablesSql } from '@rasad/messaging';

/**
 * The transport schema: vehicles, drivers, pickup points, trips with their stops and manifests. The database holds
 * what concurrent bookings could break: a vehicle or a driver is never on two overlapping live trips, nor a person
 * on two overlapping live manifest entries (exclusion constraints on tstzrange, btree_gist), and a trip never carries
 * more passengers than its seats (a statement trigger keeps `seats_taken` and a check constraint bounds it).
 */
export class Migration20261130013916Base extends Migration {
  override up(): void {
    this.addSql('create schema if not exists transport;');
    this.addSql('create extension if not exists btree_gist with schema public;');
    this.addSql(`
      create or replace function transport.uuid_v7() returns uuid language sql volatile as $$
        select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
          substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
          52, 1), 53, 1), 'hex')::uuid
      $$;`);
    for (const sql of messagingTablesSql('transport')) {
      this.addSql(`${sql};`);
    }
    this.fleet();
    this.trips();
    this.seatTrigger();
    this.tripWindowTrigger();
  }

  private fleet(): void {
    this.addSql(`
      create table transport.vehicle (
        id uuid primary key default transport.uuid_v7(),
        registration text not null constraint vehicle_registration_unique unique,
        type text not null
          constraint vehicle_type_known check (type in ('bus', 'coaster', 'van', 'pickup', 'car', 'motorcycle')),
        seats integer not null constraint vehicle_seats_positive check (seats > 0),
        owner text not null constraint vehicle_owner_known check (owner in ('police', 'hired', 'requisitioned')),
        district_id uuid not null,
        status text not null default 'available'
          constraint vehicle_status_known check (status in ('available', 'in_maintenance')),
        notes text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index vehicle_district_idx on transport.vehicle (district_id, id);');
    this.addSql(`
      create table transport.driver (
        id uuid primary key default transport.uuid_v7(),
        personnel_id uuid not null constraint driver_personnel_unique unique,
        district_id uuid not null,
        licence_number text not null,
        licence_class text not null
          constraint driver_licence_class_known check (licence_class in ('motorcycle', 'ltv', 'htv', 'psv')),
        licence_expires_on date not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index driver_district_idx on transport.driver (district_id, id);');
    this.addSql(`
      create table transport.pickup_point (
        id uuid primary key default transport.uuid_v7(),
        name text not null,
        kind text not null
          constraint pickup_point_kind_known check (kind in ('police_lines', 'police_station', 'lodging_site')),
        district_id uuid not null,
        latitude double precision not null constraint pickup_point_latitude check (latitude between -90 and 90),
        longitude double precision not null constraint pickup_point_longitude check (longitude between -180 and 180),
        address text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index pickup_point_district_idx on transport.pickup_point (district_id, id);');
  }

  private trips(): void {
    this.addSql(`
      create table transport.trip (
        id uuid primary key default transport.uuid_v7(),
        district_id uuid not null,
        vehicle_id uuid not null references transport.vehicle (id),
        driver_id uuid not null references transport.driver (id),
        pickup_point_id uuid not null references transport.pickup_point (id),
        direction text not null constraint trip_direction_known check (direction in ('outbound', 'return')),
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        status text not null default 'planned' constraint trip_status_known
          check (status in ('planned', 'dispatched', 'en_route', 'completed', 'cancelled')),
        status_reason text,
        seats integer not null constraint trip_seats_positive check (seats > 0),
        seats_taken integer not null default 0,
        notes text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint trip_ends_after_start check (ends_at > starts_at),
        constraint trip_seats_within_vehicle check (seats_taken >= 0 and seats_taken <= seats),
        constraint trip_vehicle_no_overlap exclude using gist (
          vehicle_id with =, tstzrange(starts_at, ends_at, '[)') with &&
        ) where (status <> 'cancelled'),
        constraint trip_driver_no_overlap exclude using gist (
          driver_id with =, tstzrange(starts_at, ends_at, '[)') with &&
        ) where (status <> 'cancelled')
      );`);
    this.addSql('create index trip_district_idx on transport.trip (district_id, starts_at);');
    this.addSql(`
      create table transport.trip_stop (
        trip_id uuid not null references transport.trip (id) on delete cascade,
        position integer not null,
        post_id uuid not null,
        arrives_at timestamptz not null,
        departs_at timestamptz not null,
        arrived_at timestamptz,
        primary key (trip_id, position),
        constraint trip_stop_post_once unique (trip_id, post_id),
        constraint trip_stop_departs_after_arrival check (departs_at >= arrives_at)
      );`);
    this.addSql('create index trip_stop_post_idx on transport.trip_stop (post_id);');
    // leg_at is when the leg needs the passenger moved: arriving at the post by it (outbound), leaving it after it
    // (return). starts_at and ends_at copy the trip's window (kept by the trip's trigger) so that the exclusion constraint can
    // compare one person's bookings across trips.
    this.addSql(`
      create table transport.manifest_entry (
        id uuid primary key default transport.uuid_v7(),
        trip_id uuid not null references transport.trip (id),
        personnel_id uuid not null,
        duty_id uuid not null,
        leg text not null constraint manifest_entry_leg_known check (leg in ('outbound', 'return')),
        post_id uuid not null,
        leg_at timestamptz not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        status text not null default 'booked'
          constraint manifest_entry_status_known check (status in ('booked', 'cancelled')),
        flag text constraint manifest_entry_flag_known check (flag in ('reposted', 'duty_cancelled')),
        flag_reason text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint manifest_person_no_overlap exclude using gist (
          personnel_id with =, tstzrange(starts_at, ends_at, '[)') with &&
        ) where (status = 'booked')
      );`);
    this.addSql('create index manifest_entry_trip_idx on transport.manifest_entry (trip_id, id);');
    this.addSql('create index manifest_entry_duty_idx on transport.manifest_entry (duty_id);');
  }

  /**
   * Statement-level, so a booking of forty passengers updates the trip row once. Every writer of a manifest takes
   * the trip row's lock through this update, so concurrent bookings take turns and the check constraint sees every
   * seat.
   */
  private seatTrigger(): void {
    const booked = `status = 'booked'`;
    this.addSql(`
      create function transport.manifest_seats() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          update transport.trip t set seats_taken = t.seats_taken + d.delta
          from (select trip_id, count(*)::int as delta from new_rows where ${booked} group by trip_id) d
          where t.id = d.trip_id;
        elsif tg_op = 'UPDATE' then
          update transport.trip t set seats_taken = t.seats_taken + d.delta
          from (
            select trip_id, sum(delta)::int as delta from (
              select trip_id, 1 as delta from new_rows where ${booked}
              union all
              select trip_id, -1 as delta from old_rows where ${booked}
            ) changes group by trip_id having sum(delta) <> 0
          ) d
          where t.id = d.trip_id;
        else
          update transport.trip t set seats_taken = t.seats_taken - d.delta
          from (select trip_id, count(*)::int as delta from old_rows where ${booked} group by trip_id) d
          where t.id = d.trip_id;
        end if;
        return null;
      end $$;`);
    this.addSql(`
      create trigger manifest_seats_insert after insert on transport.manifest_entry
        referencing new table as new_rows for each statement execute function transport.manifest_seats();`);
    this.addSql(`
      create trigger manifest_seats_update after update on transport.manifest_entry
        referencing old table as old_rows new table as new_rows
        for each statement execute function transport.manifest_seats();`);
    this.addSql(`
      create trigger manifest_seats_delete after delete on transport.manifest_entry
        referencing old table as old_rows for each statement execute function transport.manifest_seats();`);
  }

  /**
   * A booking's window is its trip's: moving a trip moves its passengers' windows (and the exclusion constraint checks
   * them again), and cancelling it cancels their bookings, which gives back the seats through the seat trigger.
   */
  private tripWindowTrigger(): void {
    this.addSql(`
      create function transport.trip_to_manifest() returns trigger language plpgsql as $$
      begin
        update transport.manifest_entry e
          set starts_at = new.starts_at, ends_at = new.ends_at,
              status = case when new.status = 'cancelled' then 'cancelled' else e.status end,
              updated_at = now()
        where e.trip_id = new.id and e.status = 'booked';
        return null;
      end $$;`);
    this.addSql(`
      create trigger trip_to_manifest after update of starts_at, ends_at, status on transport.trip
        for each row
        when (old.starts_at is distinct from new.starts_at or old.ends_at is distinct from new.ends_at
              or (new.status = 'cancelled' and old.status <> 'cancelled'))
        execute function transport.trip_to_manifest();`);
  }
}
