import { Migration } from '@mikro-orm/migrations';

/**
 * A person's calendar link: only the SHA-256 of its token is kept, so the table cannot be read back into working
 * links. One row per person; issuing a new link replaces the hash, which is what revokes the previous one.
 */
export class Migration20261128610000BriefingsCalendarLinks extends Migration {
  override up(): void {
    this.addSql(`
      create table briefings.calendar_link (
        personnel_id uuid primary key,
        token_hash text not null constraint calendar_link_token_unique unique,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );`);
  }
}
