import { Migration } from '@mikro-orm/migrations';

/** Site welfare checks: per site and day, whether water, toilets and power were working (the last word kept). */
export class Migration20261130030000LodgingWelfareChecks extends Migration {
  override up(): void {
    this.addSql(`
      create table lodging.welfare_check (
        site_id uuid not null references lodging.site (id),
        day date not null,
        water boolean not null,
        toilets boolean not null,
        power boolean not null,
        note text,
        recorded_at timestamptz not null default now(),
        primary key (site_id, day)
      );`);
  }
}
