import { Migration } from '@mikro-orm/migrations';

/** The roster schema. The no-overlap rule for duties lives here, as an exclusion constraint. */
export class Migration20261128000000RosterBase extends Migration {
  override up(): void {
    this.addSql('create extension if not exists btree_gist with schema public;');
    this.addSql('create extension if not exists pg_trgm with schema public;');
    this.addSql(`
      create or replace function roster.uuid_v7() returns uuid language sql volatile as $$
        select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
          substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
          52, 1), 53, 1), 'hex')::uuid
      $$;`);

    this.addSql(`
      create table roster.district (
        id uuid primary key default roster.uuid_v7(),
        code text not null constraint district_code_unique unique,
        name text not null,
        province text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table roster.tehsil (
        id uuid primary key default roster.uuid_v7(),
        district_id uuid not null references roster.district (id),
        code text not null constraint tehsil_code_unique unique,
        name text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index tehsil_district_idx on roster.tehsil (district_id, id);');
    this.addSql(`
      create table roster.police_station (
        id uuid primary key default roster.uuid_v7(),
        district_id uuid not null references roster.district (id),
        tehsil_id uuid not null references roster.tehsil (id),
        code text not null constraint police_station_code_unique unique,
        name text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index police_station_district_idx on roster.police_station (district_id, id);');
    this.addSql(`
      create table roster.unit (
        id uuid primary key default roster.uuid_v7(),
        district_id uuid not null references roster.district (id),
        code text not null constraint unit_code_unique unique,
        name text not null,
        force text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table roster.post (
        id uuid primary key default roster.uuid_v7(),
        code text not null constraint post_code_unique unique,
        name text not null,
        kind text not null,
        category text check (category in ('A', 'B', 'C')),
        district_id uuid not null references roster.district (id),
        tehsil_id uuid not null references roster.tehsil (id),
        police_station_id uuid not null references roster.police_station (id),
        latitude double precision,
        longitude double precision,
        remote boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint post_category_polling_only check ((kind = 'polling_station') = (category is not null))
      );`);
    this.addSql('create index post_district_idx on roster.post (district_id, id);');
    this.addSql('create index post_police_station_idx on roster.post (police_station_id);');
    this.addSql(`
      create table roster.personnel (
        id uuid primary key default roster.uuid_v7(),
        service_number text not null constraint personnel_service_number_unique unique,
        name text not null,
        rank text not null,
        unit_id uuid not null references roster.unit (id),
        home_district_id uuid not null references roster.district (id),
        cnic text not null constraint personnel_cnic_unique unique,
        phone text not null,
        gender text not null,
        dietary_needs text[] not null default '{}',
        travel_mode text not null,
        language text not null default 'en',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql('create index personnel_unit_idx on roster.personnel (unit_id);');
    this.addSql('create index personnel_home_district_idx on roster.personnel (home_district_id);');
    this.addSql(
      'create index personnel_service_number_pattern_idx on roster.personnel (service_number text_pattern_ops);',
    );
    this.addSql('create index personnel_cnic_pattern_idx on roster.personnel (cnic text_pattern_ops);');
    this.addSql('create index personnel_name_trgm_idx on roster.personnel using gin (name public.gin_trgm_ops);');
    this.addSql(`
      create table roster.duty_assignment (
        id uuid primary key default roster.uuid_v7(),
        personnel_id uuid not null references roster.personnel (id),
        post_id uuid not null references roster.post (id),
        role text not null,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        phase text not null,
        status text not null default 'planned',
        cancel_reason text,
        cancelled_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint duty_assignment_window_check check (ends_at > starts_at),
        constraint duty_assignment_no_overlap exclude using gist (
          personnel_id with =, tstzrange(starts_at, ends_at, '[)') with &&
        ) where (status <> 'cancelled')
      );`);
    // Imports upsert a duty by person and window; among live duties that pair is unique anyway.
    this
      .addSql(`create unique index duty_assignment_person_window_idx on roster.duty_assignment (personnel_id, starts_at, ends_at)
      where status <> 'cancelled';`);
    this.addSql('create index duty_assignment_post_idx on roster.duty_assignment (post_id);');

    // Import staging: rows are validated one by one as they stream in, then checked and applied as a set.
    this.addSql(`
      create table roster.import_batch (
        id uuid primary key,
        kind text not null,
        columns text[] not null,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`
      create unlogged table roster.import_row (
        batch_id uuid not null references roster.import_batch (id) on delete cascade,
        row integer not null,
        data jsonb not null,
        primary key (batch_id, row)
      );`);
    this.addSql(`
      create unlogged table roster.import_error (
        batch_id uuid not null references roster.import_batch (id) on delete cascade,
        row integer not null,
        field text not null,
        message text not null
      );`);
    this.addSql('create index import_error_batch_idx on roster.import_error (batch_id, row);');
  }
}
