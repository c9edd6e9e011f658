import { loadEnv } from '@rasad/common';
import { NatsServerProcess, TestApi, TestDatabase, TsProcess, createTestDatabase, eventually } from '@rasad/testing';
import { Client } from 'pg';
import { createGateway } from '../../apps/gateway/src/bootstrap';
import { GatewayEnv } from '../../apps/gateway/src/gateway.env';
import { TEST_ADMIN_PASSWORD } from '@rasad/testing/rasad-app';
import { CONSUMER_SCHEMA, PRODUCER_SCHEMA, Reconciliation, createFaultSchemas, reconcile } from './fault-schema';

/** Small in `npm test`; the benchmark runs it with FAULT_EVENTS=10000. */
const EVENTS = Number(process.env.FAULT_EVENTS ?? 300);
const SETTLE_MS = Math.max(40_000, EVENTS * 20);
jest.setTimeout(SETTLE_MS * 3);
const POISON = Math.floor(EVENTS / 25);

describe('events survive faults: at-least-once delivery, exactly-once effect', () => {
  let db: TestDatabase;
  let nats: NatsServerProcess;
  const processes: TsProcess[] = [];

  const env = () => ({ DATABASE_URL: db.url, NATS_URL: nats.url });
  const producer = (extra: Record<string, string>) =>
    track(new TsProcess('test/faults/fault-producer.ts', { ...env(), ...extra }));
  const consumer = async (extra: Record<string, string> = {}) => {
    const process = track(new TsProcess('test/faults/fault-consumer.ts', { ...env(), ...extra }));
    await process.waitFor('consumer ready');
    return process;
  };
  const track = (process: TsProcess) => {
    processes.push(process);
    return process;
  };
  const effects = async () => (await reconcile(db.url)).applied;

  async function settled(expectApplied: number, deadLetters = 0): Promise<Reconciliation> {
    return eventually(
      async () => {
        const figures = await reconcile(db.url);
        expect(figures).toMatchObject({ events: EVENTS, applied: expectApplied, deadLetters });
        return figures;
      },
      { timeoutMs: SETTLE_MS, intervalMs: 250 },
    );
  }

  function report(scenario: string, figures: Reconciliation): void {
    process.stdout.write(
      `faults ${scenario}: events=${figures.events} applied=${figures.applied} lost=${figures.lost} duplicated=${figures.duplicated}\n`,
    );
    expect(figures).toMatchObject({ events: EVENTS, applied: EVENTS, lost: 0, duplicated: 0 });
  }

  beforeEach(async () => {
    db = await createTestDatabase('faults');
    await createFaultSchemas(db.url);
    nats = await NatsServerProcess.start();
  });

  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill('SIGKILL')));
    await nats?.stop();
    if (!process.env.KEEP_TEST_DB) {
      await db?.drop();
    }
  });

  it('loses nothing when the broker is killed and restarted in the middle of a burst', async () => {
    await consumer();
    const burst = producer({ FAULT_TO: String(EVENTS), FAULT_RATE: String(Math.ceil(EVENTS / 4)) });
    await eventually(async () => expect(await effects()).toBeGreaterThan(EVENTS / 5), { timeoutMs: SETTLE_MS });
    await nats.kill();
    // The outage itself: the producer keeps committing to its outbox while nothing can be published.
    const unsent = async () => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>(
          `select count(*)::int as n from ${PRODUCER_SCHEMA}.outbox where sent_at is null`,
        );
        return rows[0].n;
      } finally {
        await client.end();
      }
    };
    await eventually(async () => expect(await unsent()).toBeGreaterThanOrEqual(Math.ceil(EVENTS / 10)), {
      timeoutMs: SETTLE_MS,
    });
    await nats.restart();
    await burst.waitFor('produced', SETTLE_MS);
    report('broker-restart', await settled(EVENTS));
  });

  it('applies once when the consumer is SIGKILLed in the middle of a handler and restarted', async () => {
    const first = await consumer({ FAULT_HANDLER_DELAY_MS: '15' });
    producer({ FAULT_TO: String(EVENTS) });
    await eventually(async () => expect(await effects()).toBeGreaterThan(EVENTS / 4), { timeoutMs: SETTLE_MS });
    await first.kill('SIGKILL');
    const partial = await effects();
    expect(partial).toBeLessThan(EVENTS);
    await consumer();
    report('consumer-kill', await settled(EVENTS));
  });

  it('finishes the handler in hand and exits on SIGTERM, within bounded time', async () => {
    const first = await consumer({ FAULT_HANDLER_DELAY_MS: '200' });
    producer({ FAULT_TO: String(EVENTS) });
    await first.waitFor('handling');
    const stopping = Date.now();
    await first.kill('SIGTERM');
    // Nest runs its shutdown hooks, then re-raises the signal: exit by SIGTERM, but only after the hooks.
    expect((await first.exited).signal).toBe('SIGTERM');
    expect(Date.now() - stopping).toBeLessThan(12_000);
    const inHand = first.output
      .filter((line) => line.startsWith('handling '))
      .at(-1)!
      .slice('handling '.length);
    const applied = await query<{ n: number }>(
      `select count(*)::int as n from ${CONSUMER_SCHEMA}.effect where event_id = '${inHand}'`,
    );
    expect(applied[0].n).toBe(1);
    await consumer();
    report('graceful-shutdown', await settled(EVENTS));
  });

  it('publishes after a restart when the producer is SIGKILLed between commit and publish', async () => {
    await consumer();
    const half = Math.floor(EVENTS / 2);
    const killed = producer({ FAULT_TO: String(EVENTS), FAULT_KILL_AFTER: String(half) });
    expect((await killed.exited).signal).toBe('SIGKILL');
    const pending = await query<{ n: number }>(
      `select i.n from ${PRODUCER_SCHEMA}.item i join ${PRODUCER_SCHEMA}.outbox o on o.aggregate_id = i.id::text
       where o.sent_at is null order by i.n desc limit 1`,
    );
    expect(pending[0]?.n).toBe(half);
    const rest = producer({ FAULT_FROM: String(half + 1), FAULT_TO: String(EVENTS) });
    await rest.waitFor('produced', SETTLE_MS);
    report('producer-kill', await settled(EVENTS));
  });

  it('retries a failing handler until it succeeds, dead-letters one that never does, and replays it on request', async () => {
    await consumer();
    producer({ FAULT_TO: String(EVENTS), FAULTY: '1' });
    await settled(EVENTS - POISON, POISON);
    // Each QRF duty failed twice and then applied. A handler may run more often than its event was delivered: when
    // another event of its batch fails, the batch is rolled back and run again around the failing one.
    const retried = await query<{ n: number }>(
      `select count(*)::int as n from ${CONSUMER_SCHEMA}.attempt where n >= 3`,
    );
    expect(retried[0].n).toBe(Math.floor(EVENTS / 10) - Math.floor(EVENTS / 50));

    const gateway = await createGateway(
      loadEnv(GatewayEnv, {
        ...env(),
        PORT: '0',
        LOG_LEVEL: 'warn',
        RASAD_EVENT_CONSUMERS: 'faults-consumer',
        RASAD_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      }),
    );
    await gateway.listen(0, '127.0.0.1');
    try {
      const api = await new TestApi(
        `http://127.0.0.1:${(gateway.getHttpServer().address() as { port: number }).port}`,
      ).login('admin', TEST_ADMIN_PASSWORD);
      const listed = await api.get(`/api/v1/dead-letters?limit=500`);
      expect(listed.status).toBe(200);
      expect(listed.body.items).toHaveLength(POISON);
      expect(listed.body.items[0]).toMatchObject({
        service: 'faults-consumer',
        deliveries: 4,
        subject: 'evt.roster.assignment.created.v1',
      });
      expect(listed.body.items[0].error).toContain('cannot be applied yet');

      const refused = await api.post(`/api/v1/dead-letters/${listed.body.items[0].id}/replay`);
      expect(refused.status).toBe(409);

      await query(`update ${CONSUMER_SCHEMA}.control set allow_poison = true`);
      for (const letter of listed.body.items) {
        const replayed = await api.post(`/api/v1/dead-letters/${letter.id}/replay?service=faults-consumer`);
        expect(replayed.status).toBe(200);
        expect(replayed.body.replayedAt).toBeTruthy();
      }
      expect((await api.post(`/api/v1/dead-letters/${listed.body.items[0].id}/replay`)).status).toBe(409);
    } finally {
      await gateway.close();
    }
    report('handler-failures', await settled(EVENTS));
  });

  async function query<T>(sql: string): Promise<T[]> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
});
