import { Migration } from '@mikro-orm/migrations';
import { outboxTraceContextSql } from '@rasad/messaging';

/** Each event's trace context, kept with its outbox row for the relay to carry onto JetStream (docs/architecture.md). */
export class Migration20261130070000ReadinessOutboxTrace extends Migration {
  override up(): void {
    for (const sql of outboxTraceContextSql('readiness')) {
      this.addSql(`${sql};`);
    }
  }
}
