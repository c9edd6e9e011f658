import { Migration } from '@mikro-orm/migrations';
import { outboxTraceContextSql } from '@rasad/messaging';

/** Each event's trace context, kept with its outbox row for the relay to carry onto JetStream (docs/architecture.md). */
export class Migration20261130500000MealsOutboxTrace extends Migration {
  override up(): void {
    for (const sql of outboxTraceContextSql('meals')) {
      this.addSql(`${sql};`);
    }
  }
}
