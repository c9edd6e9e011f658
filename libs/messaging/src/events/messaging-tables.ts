/**
 * The outbox, inbox and dead-letter tables, created by each service's own migration inside its own schema.
 * A statement-level trigger wakes the relay (LISTEN/NOTIFY) as soon as an outbox insert commits.
 */
export function messagingTablesSql(schema: string): string[] {
  return [
    `create table ${schema}.outbox (
      id uuid primary key,
      seq bigint generated always as identity,
      subject text not null,
      aggregate_id text not null,
      envelope jsonb not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`,
    `create index outbox_pending_idx on ${schema}.outbox (seq) where sent_at is null`,
    `create index outbox_sent_idx on ${schema}.outbox (sent_at) where sent_at is not null`,
    `create function ${schema}.outbox_notify() returns trigger language plpgsql as $$
      begin perform pg_notify('${schema}_outbox', ''); return null; end $$`,
    `create trigger outbox_notify after insert on ${schema}.outbox
      for each statement execute function ${schema}.outbox_notify()`,
    `create table ${schema}.inbox (
      event_id uuid primary key,
      subject text not null,
      applied_at timestamptz not null default now()
    )`,
    `create table ${schema}.dead_letter (
      id uuid primary key,
      event_id uuid not null,
      subject text not null,
      envelope jsonb not null,
      error text not null,
      deliveries integer not null,
      failed_at timestamptz not null default now(),
      replayed_at timestamptz
    )`,
    // One open dead letter per event, however many buffered copies of it fail at once.
    `create unique index dead_letter_open_idx on ${schema}.dead_letter (event_id) where replayed_at is null`,
  ];
}

/**
 * The trace context (W3C `traceparent`) an event was recorded in, kept with its outbox row so that the relay puts it
 * on the JetStream message: each service's own migration, one line in a new service's base migration.
 */
export function outboxTraceContextSql(schema: string): string[] {
  return [`alter table ${schema}.outbox add column trace_context text`];
}

export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}
