import { Migration } from '@mikro-orm/migrations';

/**
 * Wakes the dispatcher as soon as new notices commit (NOTIFY notifier_notice), so a notice goes out at once rather
 * than on the next poll; the poll stays for retries that fall due and for a lost LISTEN connection.
 */
export class Migration20261129600000NotifierNoticeWake extends Migration {
  override up(): void {
    this.addSql(`create function notifier.notice_notify() returns trigger language plpgsql as $$
      begin perform pg_notify('notifier_notice', ''); return null; end $$;`);
    this.addSql(`create trigger notice_notify after insert on notifier.notice
      for each statement execute function notifier.notice_notify();`);
  }

  override down(): void {
    this.addSql('drop trigger if exists notice_notify on notifier.notice;');
    this.addSql('drop function if exists notifier.notice_notify();');
  }
}
