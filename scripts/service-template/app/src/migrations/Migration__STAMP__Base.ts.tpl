import { Migration } from '@mikro-orm/migrations';
import { messagingTablesSql, outboxTraceContextSql } from '@rasad/messaging';

/** The __name__ service's schema: its notes, plus the outbox, inbox and dead letters every service carries. */
export class Migration__STAMP__Base extends Migration {
  override up(): void {
    this.addSql('create schema if not exists __schema__;');
    this.addSql(`create table __schema__.note (
      id uuid primary key,
      text text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );`);
    for (const sql of [...messagingTablesSql('__schema__'), ...outboxTraceContextSql('__schema__')]) {
      this.addSql(`${sql};`);
    }
  }
}
