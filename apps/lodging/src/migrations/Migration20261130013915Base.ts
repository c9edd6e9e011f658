import { Migration } from '@mikro-orm/migrations';
import { messagingTablesSql } from '@rasad/messaging';

/**
 * The lodging schema: sites, rooms and beds, and allocations of a bed to a person for a range of nights. Each held
 * night is a `bed_night` row, and two partial unique indexes are the overbooking rule: a bed is held by one person a
 * night, a person holds one bed a night. A concurrent second request waits for the first and then fails on them.
 */
export class Migration20261130013915Base extends Migration {
  override up(): void {
    this.addSql('create schema if not exists lodging;');
    for (const sql of messagingTablesSql('lodging')) {
      this.addSql(`${sql};`);
    }
    this.addSql(`
      create table lodging.site (
        id uuid primary key,
        name text not null,
        kind text not null check (kind in ('school', 'rest_house', 'barracks', 'police_lines')),
        district_id uuid not null,
        tehsil_id uuid not null,
        address text not null,
        latitude double precision not null,
        longitude double precision not null,
        water boolean not null,
        toilets boolean not null,
        bathing boolean not null,
        power boolean not null,
        suitable_for_women boolean not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint site_name_once unique (district_id, name)
      );`);
    this.addSql(`
      create table lodging.room (
        id uuid primary key,
        site_id uuid not null references lodging.site (id),
        name text not null,
        gender text not null check (gender in ('male', 'female', 'any')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint room_name_once unique (site_id, name)
      );`);
    this.addSql(`
      create table lodging.bed (
        id uuid primary key,
        room_id uuid not null references lodging.room (id),
        label text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint bed_label_once unique (room_id, label)
      );`);
    this.addSql(`
      create table lodging.allocation (
        id uuid primary key,
        personnel_id uuid not null,
        bed_id uuid not null references lodging.bed (id),
        district_id uuid not null,
        first_night date not null,
        last_night date not null,
        source text not null check (source in ('manual', 'auto')),
        checked_in_at timestamptz,
        checked_out_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint allocation_nights_check check (last_night >= first_night),
        constraint allocation_stay_check check (checked_out_at is null or checked_in_at <= checked_out_at),
        constraint allocation_bed_person unique (id, bed_id, personnel_id)
      );`);
    this.addSql('create index allocation_personnel_idx on lodging.allocation (personnel_id);');
    this.addSql('create index allocation_district_idx on lodging.allocation (district_id, first_night);');
    // A night carries its allocation's bed and person (held to them by the foreign key) so that the unique indexes
    // below can see them.
    this.addSql(`
      create table lodging.bed_night (
        allocation_id uuid not null,
        night date not null,
        bed_id uuid not null,
        personnel_id uuid not null,
        status text not null default 'held' check (status in ('held', 'released')),
        release_reason text check (release_reason in ('released', 'no_show', 'checked_out', 'surplus')),
        released_at timestamptz,
        primary key (allocation_id, night),
        constraint bed_night_allocation foreign key (allocation_id, bed_id, personnel_id)
          references lodging.allocation (id, bed_id, personnel_id),
        constraint bed_night_released check ((status = 'held') = (release_reason is null))
      );`);
    this.addSql(`create unique index bed_night_bed_once on lodging.bed_night (bed_id, night) where status = 'held';`);
    this.addSql(
      `create unique index bed_night_person_once on lodging.bed_night (personnel_id, night) where status = 'held';`,
    );
    this.addSql("create index bed_night_night_idx on lodging.bed_night (night) where status = 'held';");
  }
}
