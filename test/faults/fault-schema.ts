import { Client } from 'pg';
import { messagingTablesSql, outboxTraceContextSql } from '@rasad/messaging';

export const PRODUCER_SCHEMA = 'faults_producer';
export const CONSUMER_SCHEMA = 'faults_consumer';

/** Both sides' tables, made once by the test before any process starts. */
export async function createFaultSchemas(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const schema of [PRODUCER_SCHEMA, CONSUMER_SCHEMA]) {
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.query(`create schema ${schema}`);
      for (const sql of [...messagingTablesSql(schema), ...outboxTraceContextSql(schema)]) {
        await client.query(sql);
      }
    }
    await client.query(`create table ${PRODUCER_SCHEMA}.item (id uuid primary key, n integer not null)`);
    // No unique key on purpose: a duplicated effect must be visible to the reconciliation.
    await client.query(`create table ${CONSUMER_SCHEMA}.effect (event_id uuid not null, aggregate_id uuid not null,
      applied_at timestamptz not null default now())`);
    await client.query(`create table ${CONSUMER_SCHEMA}.attempt (event_id uuid primary key, n integer not null)`);
    await client.query(`create table ${CONSUMER_SCHEMA}.control (allow_poison boolean not null)`);
    await client.query(`insert into ${CONSUMER_SCHEMA}.control values (false)`);
  } finally {
    await client.end();
  }
}

export interface Reconciliation {
  events: number;
  applied: number;
  lost: number;
  duplicated: number;
  deadLetters: number;
}

/** The producer's outbox against the consumer's effects: what was promised, what happened, how often. */
export async function reconcile(databaseUrl: string): Promise<Reconciliation> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Reconciliation>(`
      select
        (select count(*) from ${PRODUCER_SCHEMA}.outbox)::int as events,
        (select count(distinct e.event_id) from ${CONSUMER_SCHEMA}.effect e
           join ${PRODUCER_SCHEMA}.outbox o on o.id = e.event_id)::int as applied,
        (select count(*) from ${PRODUCER_SCHEMA}.outbox o
           where not exists (select 1 from ${CONSUMER_SCHEMA}.effect e where e.event_id = o.id))::int as lost,
        (select coalesce(sum(c - 1), 0) from (select count(*) as c from ${CONSUMER_SCHEMA}.effect
           group by event_id having count(*) > 1) d)::int as duplicated,
        (select count(*) from ${CONSUMER_SCHEMA}.dead_letter where replayed_at is null)::int as "deadLetters"`);
    return rows[0];
  } finally {
    await client.end();
  }
}
