import { Migration } from '@mikro-orm/migrations';
import { messagingTablesSql } from '@rasad/messaging';

/** The roster's outbox (and the inbox and dead letters every service schema carries). */
export class Migration20261128100000RosterEvents extends Migration {
  override up(): void {
    for (const sql of messagingTablesSql('roster')) {
      this.addSql(`${sql};`);
    }
  }
}
