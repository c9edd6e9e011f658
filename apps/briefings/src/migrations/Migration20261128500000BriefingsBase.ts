import { Migration } from '@mikro-orm/migrations';
import { messagingTablesSql } from '@rasad/messaging';

/**
 * The briefings schema: projections of the roster (no foreign keys, since events of different aggregates may arrive
 * in any order), sessions, invitations and attendance. A session never seats more than its venue holds: a trigger
 * keeps `seats_taken` equal to its seated invitations and a check constraint refuses anything above `capacity`.
 */
export class Migration20261128500000BriefingsBase extends Migration {
  override up(): void {
    this.addSql('create schema if not exists briefings;');
    this.addSql(`
      create or replace function briefings.uuid_v7() returns uuid language sql volatile as $$
        select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
          substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
          52, 1), 53, 1), 'hex')::uuid
      $$;`);
    for (const sql of messagingTablesSql('briefings')) {
      this.addSql(`${sql};`);
    }
    this.projections();
    this.sessions();
    this.seatTrigger();
  }

  private projections(): void {
    this.addSql(`
      create table briefings.personnel (
        id uuid primary key,
        service_number text not null,
        name text not null,
        rank text not null,
        unit_id uuid not null,
        home_district_id uuid not null,
        language text not null,
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table briefings.post (
        id uuid primary key,
        code text not null,
        name text not null,
        kind text not null,
        category text,
        district_id uuid not null,
        tehsil_id uuid not null,
        police_station_id uuid not null,
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index post_district_idx on briefings.post (district_id);');
    this.addSql(`
      create table briefings.duty (
        id uuid primary key,
        personnel_id uuid not null,
        post_id uuid not null,
        role text not null,
        phase text not null,
        status text not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index duty_personnel_idx on briefings.duty (personnel_id);');
    // Filling looks only at live duties, by post and start.
    this.addSql(`create index duty_live_idx on briefings.duty (post_id, starts_at) where status <> 'cancelled';`);
  }

  private sessions(): void {
    this.addSql(`
      create table briefings.session (
        id uuid primary key default briefings.uuid_v7(),
        title text not null,
        topics text[] not null,
        venue_name text not null,
        venue_address text not null,
        capacity integer not null constraint session_capacity_positive check (capacity > 0),
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        presenter text not null,
        district_id uuid not null,
        status text not null default 'scheduled'
          constraint session_status_known check (status in ('scheduled', 'cancelled', 'completed')),
        status_reason text,
        sequence integer not null default 0,
        seats_taken integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint session_ends_after_start check (ends_at > starts_at),
        constraint session_seats_within_capacity check (seats_taken >= 0 and seats_taken <= capacity)
      );`);
    this.addSql('create index session_district_idx on briefings.session (district_id, id);');
    this.addSql(`
      create table briefings.invitation (
        id uuid primary key default briefings.uuid_v7(),
        session_id uuid not null references briefings.session (id),
        personnel_id uuid not null,
        status text not null
          constraint invitation_status_known check (status in ('invited', 'confirmed', 'declined', 'cancelled')),
        status_reason text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint invitation_session_personnel_unique unique (session_id, personnel_id)
      );`);
    this.addSql(
      `create index invitation_seated_personnel_idx on briefings.invitation (personnel_id)
       where status in ('invited', 'confirmed');`,
    );
    this.addSql(`
      create table briefings.attendance (
        session_id uuid not null references briefings.session (id),
        personnel_id uuid not null,
        status text not null constraint attendance_status_known check (status in ('present', 'absent', 'excused')),
        coc_acknowledged_at timestamptz,
        recorded_at timestamptz not null default now(),
        primary key (session_id, personnel_id),
        constraint attendance_ack_only_present check (coc_acknowledged_at is null or status = 'present')
      );`);
    this.addSql('create index attendance_personnel_idx on briefings.attendance (personnel_id);');
  }

  /**
   * Statement-level, so a fill of a thousand invitations updates the session row once. Every writer of an
   * invitation takes the session row's lock through this update, so concurrent fills and manual invitations
   * serialise on it and the check constraint sees every seat.
   */
  private seatTrigger(): void {
    const seated = `status in ('invited', 'confirmed')`;
    this.addSql(`
      create function briefings.invitation_seats() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          update briefings.session s set seats_taken = s.seats_taken + d.delta
          from (select session_id, count(*)::int as delta from new_rows where ${seated} group by session_id) d
          where s.id = d.session_id;
        elsif tg_op = 'UPDATE' then
          update briefings.session s set seats_taken = s.seats_taken + d.delta
          from (
            select session_id, sum(delta)::int as delta from (
              select session_id, 1 as delta from new_rows where ${seated}
              union all
              select session_id, -1 as delta from old_rows where ${seated}
            ) changes group by session_id having sum(delta) <> 0
          ) d
          where s.id = d.session_id;
        else
          update briefings.session s set seats_taken = s.seats_taken - d.delta
          from (select session_id, count(*)::int as delta from old_rows where ${seated} group by session_id) d
          where s.id = d.session_id;
        end if;
        return null;
      end $$;`);
    this.addSql(`
      create trigger invitation_seats_insert after insert on briefings.invitation
        referencing new table as new_rows for each statement execute function briefings.invitation_seats();`);
    this.addSql(`
      create trigger invitation_seats_update after update on briefings.invitation
        referencing old table as old_rows new table as new_rows
        for each statement execute function briefings.invitation_seats();`);
    this.addSql(`
      create trigger invitation_seats_delete after delete on briefings.invitation
        referencing old table as old_rows for each statement execute function briefings.invitation_seats();`);
  }
}
