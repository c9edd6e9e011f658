import { Migration } from '@mikro-orm/migrations';
import { rosterProjectionSql } from '@rasad/roster-projection';
import { READINESS_ROSTER_PROJECTION } from '../verdicts/roster-projection.options';

/**
 * Readiness's read model: its copy of the roster (people with travel mode and dietary needs, posts with their remote
 * flag, duties), what the other services reported (roll calls, meal plans, manifests and their trips, bed
 * allocations), how far each source is applied, and each assignment's verdict: the current one and every earlier one
 * with the transaction time it stood over (`valid`), so a report as of any time reads the rows valid then.
 */
export class Migration20261130050000ReadinessModel extends Migration {
  override up(): void {
    for (const sql of rosterProjectionSql(READINESS_ROSTER_PROJECTION)) {
      this.addSql(`${sql};`);
    }
    this.addSql(`create index duty_post_window_idx on readiness.duty (post_id, starts_at, ends_at);`);
    this.addSql(`create table readiness.attendance (
      session_id uuid not null,
      personnel_id uuid not null,
      status text not null,
      topics text[] not null,
      ends_at timestamptz not null,
      code_of_conduct_acknowledged_at timestamptz,
      event_id uuid not null,
      primary key (session_id, personnel_id)
    );`);
    this.addSql('create index attendance_personnel_idx on readiness.attendance (personnel_id);');
    this.addSql(`create table readiness.meal_plan (
      id uuid primary key,
      post_id uuid not null,
      date date not null,
      slot text not null,
      count int not null,
      dietary jsonb not null,
      status text not null,
      event_id uuid not null
    );`);
    this.addSql('create index meal_plan_post_idx on readiness.meal_plan (post_id, date, slot);');
    this.addSql(`create table readiness.trip (
      id uuid primary key,
      status text not null,
      stops jsonb not null,
      event_id uuid not null
    );`);
    this.addSql(`create table readiness.manifest_entry (
      id uuid primary key,
      trip_id uuid not null,
      personnel_id uuid not null,
      post_id uuid not null,
      leg text not null,
      status text not null,
      stop_arrives_at timestamptz not null,
      stop_departs_at timestamptz not null,
      event_id uuid not null
    );`);
    this.addSql('create index manifest_entry_personnel_idx on readiness.manifest_entry (personnel_id);');
    this.addSql('create index manifest_entry_trip_idx on readiness.manifest_entry (trip_id);');
    this.addSql(`create table readiness.allocation (
      id uuid primary key,
      personnel_id uuid not null,
      nights date[] not null,
      event_id uuid not null
    );`);
    this.addSql('create index allocation_personnel_idx on readiness.allocation (personnel_id);');
    // A row per applied run of one subject (appended: the consumer's parallel transactions never wait on one row);
    // runs more than an hour old are summed into a row per hour (compacted).
    this.addSql(`create table readiness.source_applied (
      service text not null,
      subject text not null,
      events int not null,
      last_event_at timestamptz not null,
      applied_at timestamptz not null,
      compacted boolean not null default false
    );`);
    this.addSql('create index source_applied_runs_idx on readiness.source_applied (applied_at) where not compacted;');
    const verdictColumns = `
      assignment_id uuid not null,
      personnel_id uuid not null,
      district_id uuid not null,
      tehsil_id uuid not null,
      police_station_id uuid not null,
      post_id uuid not null,
      unit_id uuid,
      phase text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      briefed boolean not null,
      transported boolean not null,
      lodged boolean not null,
      fed boolean not null,
      missing jsonb not null`;
    this.addSql(`create table readiness.verdict (${verdictColumns},
      since timestamptz not null,
      primary key (assignment_id)
    );`);
    this.addSql('create index verdict_district_idx on readiness.verdict (district_id, starts_at);');
    this.addSql('create index verdict_post_idx on readiness.verdict (post_id);');
    this.addSql(`create table readiness.verdict_history (${verdictColumns},
      valid tstzrange not null,
      constraint verdict_history_not_empty check (not isempty(valid))
    );`);
    this.addSql(
      'create unique index verdict_history_open_idx on readiness.verdict_history (assignment_id) where upper_inf(valid);',
    );
    this.addSql(
      'create index verdict_history_assignment_idx on readiness.verdict_history (assignment_id, lower(valid));',
    );
    this.addSql('create index verdict_history_district_idx on readiness.verdict_history using gist (valid);');
    this.addSql(
      'create index verdict_history_district_start_idx on readiness.verdict_history (district_id, starts_at);',
    );
  }
}
