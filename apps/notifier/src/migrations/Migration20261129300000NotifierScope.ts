import { Migration } from '@mikro-orm/migrations';

/**
 * What a caller's districts are checked against: a person's home district, and the posts of their live duties.
 * Rows written before this migration get their home district with the person's next event.
 */
export class Migration20261129300000NotifierScope extends Migration {
  override up(): void {
    this.addSql('alter table notifier.recipient add column home_district_id uuid;');
    this.addSql(`create table notifier.duty (
      id uuid primary key,
      personnel_id uuid not null,
      post_id uuid not null,
      status text not null,
      updated_at timestamptz not null default now()
    );`);
    this.addSql(
      `create index duty_live_personnel_idx on notifier.duty (personnel_id, post_id) where status <> 'cancelled';`,
    );
  }
}
