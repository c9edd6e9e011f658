import { Migration } from '@mikro-orm/migrations';
import { messagingTablesSql } from '@rasad/messaging';

/** The readiness service's schema with the outbox, inbox and dead letters every service carries. */
export class Migration20261130045927Base extends Migration {
  override up(): void {
    this.addSql('create schema if not exists readiness;');
    for (const sql of messagingTablesSql('readiness')) {
      this.addSql(`${sql};`);
    }
  }
}
