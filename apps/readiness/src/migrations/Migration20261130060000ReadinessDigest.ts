import { Migration } from '@mikro-orm/migrations';

/**
 * The daily digest: districts' names as the roster's events tell them, and one row per (district, local date) for
 * each digest issued, which the unique key holds to once however many replicas or restarts try.
 */
export class Migration20261130060000ReadinessDigest extends Migration {
  override up(): void {
    this.addSql(`create table readiness.district (
      id uuid primary key,
      name text not null,
      event_id uuid not null
    );`);
    this.addSql(`create table readiness.digest (
      id uuid primary key,
      district_id uuid not null,
      local_date date not null,
      issued_at timestamptz not null,
      assignments int not null,
      text text,
      constraint digest_once unique (district_id, local_date)
    );`);
  }
}
