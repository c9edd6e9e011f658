import { NatsServerProcess, TsProcess, eventually } from '@rasad/testing';
import { Pool } from 'pg';
import { createFaultSchemas } from '../test/faults/fault-schema';

export interface EventLagFigures {
  p50_ms: number;
  p99_ms: number;
}

/** What a lag measurement needs: the bench's database (it starts a broker of its own). */
export interface EventLagTarget {
  databaseUrl: string;
  quick: boolean;
}

const RATE_PER_SECOND = 500;
/**
 * The first seconds are not steady: the producer's and consumer's code is still being compiled and their pools
 * filled, and PostgreSQL may still be writing out the import that ran before. They are reported, not counted.
 */
const WARM_UP_SECONDS = 3;

/**
 * Commit-to-effect lag of events at a steady 500 a second, through the real outbox, relay, JetStream, durable
 * consumer and inbox: the fault suite's producer and consumer run as their own processes (test/faults), and the
 * lag of each event is its effect's transaction time minus its outbox row's (one database clock).
 */
export async function measureEventLag(target: EventLagTarget): Promise<EventLagFigures> {
  const events = RATE_PER_SECOND * (target.quick ? 10 : 20);
  await createFaultSchemas(target.databaseUrl);
  // A broker of its own: on the stack's, the fault consumer (which reads the whole stream) would first work through
  // the imports' 200,000 events, and the lag would measure that backlog.
  const broker = await NatsServerProcess.start();
  const env = { DATABASE_URL: target.databaseUrl, NATS_URL: broker.url };
  const consumer = new TsProcess('test/faults/fault-consumer.ts', env);
  const producer = new TsProcess('test/faults/fault-producer.ts', {
    ...env,
    FAULT_TO: String(events),
    FAULT_RATE: String(RATE_PER_SECOND),
  });
  const pool = new Pool({ connectionString: target.databaseUrl, max: 1 });
  try {
    // Write out what the import before left dirty, so the burst of writes lands on the phase it belongs to.
    await pool.query('checkpoint');
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
    const { rows } = await pool.query<EventLagFigures & { warm_p99_ms: number; counted: number }>(
      `with lags as (
         select o.created_at, extract(epoch from e.applied_at - o.created_at) * 1000 as ms
         from faults_consumer.effect e join faults_producer.outbox o on o.id = e.event_id),
       steady as (select ms from lags where created_at >= (select min(created_at) from lags) + $1 * interval '1 second')
       select (select round(percentile_cont(0.5) within group (order by ms))::int from steady) as p50_ms,
              (select round(percentile_cont(0.99) within group (order by ms))::int from steady) as p99_ms,
              (select count(*)::int from steady) as counted,
              (select round(percentile_cont(0.99) within group (order by ms))::int from lags) as warm_p99_ms`,
      [WARM_UP_SECONDS],
    );
    const { p50_ms, p99_ms, counted, warm_p99_ms } = rows[0];
    console.log(
      `  ${counted} of ${events} events after a ${WARM_UP_SECONDS} s warm-up: p50 ${p50_ms} ms, p99 ${p99_ms} ms ` +
        `(all events, warm-up included: p99 ${warm_p99_ms} ms)`,
    );
    return { p50_ms, p99_ms };
  } finally {
    await Promise.all([producer.kill(), consumer.kill()]);
    await broker.stop();
    await pool.end();
  }
}
