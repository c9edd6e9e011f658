import { TsProcess, eventually } from '@rasad/testing';
import { Pool } from 'pg';
import { createFaultSchemas } from '../test/faults/fault-schema';

export interface EventLagFigures {
  p50_ms: number;
  p99_ms: number;
}

/** What a lag measurement needs: the bench's own broker and database. */
export interface EventLagTarget {
  natsUrl: string;
  databaseUrl: string;
  quick: boolean;
}

const RATE_PER_SECOND = 500;

/**
 * Commit-to-effect lag of events at a steady 500 a second, through the real outbox, relay, JetStream, durable
 * consumer and inbox: the fault suite's producer and consumer run as their own processes (test/faults), and the
 * lag of each event is its effect's transaction time minus its outbox row's (one database clock).
 */
export async function measureEventLag(target: EventLagTarget): Promise<EventLagFigures> {
  const events = RATE_PER_SECOND * (target.quick ? 10 : 20);
  await createFaultSchemas(target.databaseUrl);
  const env = { DATABASE_URL: target.databaseUrl, NATS_URL: target.natsUrl };
  const consumer = new TsProcess('test/faults/fault-consumer.ts', env);
  const producer = new TsProcess('test/faults/fault-producer.ts', {
    ...env,
    FAULT_TO: String(events),
    FAULT_RATE: String(RATE_PER_SECOND),
  });
  const pool = new Pool({ connectionString: target.databaseUrl, max: 1 });
  try {
    await consumer.waitFor('consumer ready');
    await producer.waitFor('produced', 120_000);
    await eventually(
      async () => {
        const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from faults_consumer.effect');
        if (rows[0].n < events) {
          throw new Error(`${rows[0].n} of ${events} applied`);
        }
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    const { rows } = await pool.query<EventLagFigures>(`
      select round(percentile_cont(0.5) within group (order by ms))::int as p50_ms,
             round(percentile_cont(0.99) within group (order by ms))::int as p99_ms
      from (select extract(epoch from e.applied_at - o.created_at) * 1000 as ms
            from faults_consumer.effect e join faults_producer.outbox o on o.id = e.event_id) lags`);
    return rows[0];
  } finally {
    await Promise.all([producer.kill(), consumer.kill()]);
    await pool.end();
  }
}
