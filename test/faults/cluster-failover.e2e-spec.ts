import { EVENT_STREAM } from '@rasad/contracts';
import {
  NatsCluster,
  TestApi,
  TestDatabase,
  TsProcess,
  createGeography,
  createTestDatabase,
  eventually,
  freePort,
  personnelBody,
} from '@rasad/testing';
import { TEST_ADMIN_PASSWORD } from '@rasad/testing/rasad-app';
import { connect } from 'nats';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterReconciliation, reconcileCluster } from './cluster-reconcile';
import { Balancer, errorRate, steady } from './cluster-traffic';
import { createFaultSchemas } from './fault-schema';

// Small by default: the suite shares two cores. A bigger run: CLUSTER_REPLICAS=3 CLUSTER_WRITES_PER_S=20 ….
const REPLICAS = Number(process.env.CLUSTER_REPLICAS ?? 2);
const SERVICES = (process.env.CLUSTER_SERVICES ?? 'roster,briefings,notifier').split(',');
const WRITES_PER_S = Number(process.env.CLUSTER_WRITES_PER_S ?? 4);
const READS_PER_S = Number(process.env.CLUSTER_READS_PER_S ?? 8);
const PHASE_MS = Number(process.env.CLUSTER_PHASE_MS ?? 10_000);
/** The share of reads allowed to fail once every killed process is back. */
const MAX_ERROR_RATE_AFTER = Number(process.env.CLUSTER_MAX_ERROR_RATE_AFTER ?? 0.01);
/** The longest the API may go without answering a read, from the kill on. */
const MAX_SILENCE_MS = Number(process.env.CLUSTER_MAX_SILENCE_MS ?? 5_000);
const PEOPLE = 24;
const SETTLE_MS = 180_000;
jest.setTimeout(12 * 60_000);

const CONSUMERS = SERVICES.filter((service) => service !== 'roster');
/** A list each service answers, read through the gateway. */
const READ_OF: Record<string, string> = {
  roster: '/api/v1/assignments?limit=5',
  briefings: '/api/v1/briefings?limit=5',
  notifier: '/api/v1/notifications?limit=5',
  meals: '/api/v1/meals/kitchens?limit=5',
  lodging: '/api/v1/lodging/sites?limit=5',
  transport: '/api/v1/transport/vehicles?limit=5',
};
const READS = SERVICES.flatMap((service) => (READ_OF[service] ? [READ_OF[service]] : []));
const JWT_SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

interface Replica {
  app: string;
  index: number;
  process: TsProcess;
  port?: number;
}

describe('scale-out: a three-node NATS cluster with R3 events and two replicas of each service', () => {
  let db: TestDatabase;
  let cluster: NatsCluster;
  const replicas: Replica[] = [];
  /** Every process started, the killed ones too: their output is written out at the end. */
  const started: Replica[] = [];

  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: db.url,
    NATS_URL: cluster.url,
    NATS_STREAM_REPLICAS: '3',
    // info at least: a service is ready when Nest logs so. debug adds every request a service handled.
    LOG_LEVEL: process.env.CLUSTER_LOG_LEVEL ?? 'info',
    RASAD_DEMO_DATA: 'false',
    // Ten processes on a PostgreSQL whose 100 connections other suites share.
    DATABASE_POOL_MAX: process.env.CLUSTER_POOL_MAX ?? '3',
    ...extra,
  });

  /** One replica of an app as its own process, ready when Nest says so (a gateway: when /health answers 200). */
  async function start(app: string, index: number, port?: number): Promise<Replica> {
    let process: TsProcess;
    if (app === 'faults-consumer') {
      process = new TsProcess('test/faults/fault-consumer.ts', env());
    } else if (app === 'gateway') {
      process = new TsProcess(
        'apps/gateway/src/main.ts',
        env({
          PORT: String(port),
          HOST: '127.0.0.1',
          JWT_SECRET,
          RASAD_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
          RASAD_SERVICES: SERVICES.join(','),
          RASAD_EVENT_CONSUMERS: CONSUMERS.join(','),
          LOGIN_ATTEMPTS_PER_MINUTE: '1000',
        }),
      );
    } else {
      process = new TsProcess(`apps/${app}/src/main.ts`, env());
    }
    const replica = { app, index, process, port };
    replicas.push(replica);
    started.push(replica);
    if (app === 'faults-consumer') {
      await process.waitFor('consumer ready', 120_000);
    } else if (app === 'gateway') {
      await eventually(
        async () => {
          const health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
          expect(health?.status).toBe(200);
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${process.tail()}`);
      });
    } else {
      await process.waitFor(/microservice successfully started/, 120_000);
    }
    return replica;
  }

  beforeAll(async () => {
    db = await createTestDatabase('cluster');
    await createFaultSchemas(db.url);
    cluster = await NatsCluster.start(3);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.process.kill('SIGKILL')));
    const logs = mkdtempSync(join(tmpdir(), 'rasad-cluster-logs-'));
    for (const [n, replica] of started.entries()) {
      writeFileSync(join(logs, `${n}-${replica.app}-${replica.index}.log`), replica.process.output.join('\n'));
    }
    process.stdout.write(`cluster: each process's output is in ${logs}\n`);
    await cluster?.stop();
    if (!process.env.KEEP_TEST_DB) {
      await db?.drop();
    }
  });

  it('loses and duplicates no event and keeps answering when a NATS node and a replica of each app are SIGKILLed', async () => {
    const apps = [...SERVICES, 'faults-consumer'];
    // The roster first: it creates the stream with 3 replicas; then every other replica side by side.
    await start('roster', 0);
    await Promise.all(
      apps.flatMap((app) =>
        Array.from({ length: REPLICAS }, (_, i) => i).flatMap((i) =>
          app === 'roster' && i === 0 ? [] : [start(app, i)],
        ),
      ),
    );
    const ports = await Promise.all(Array.from({ length: REPLICAS }, () => freePort()));
    for (const [i, port] of ports.entries()) {
      // One after another: the first creates the admin user the second finds.
      await start('gateway', i, port);
    }
    const gateways = ports.map((port) => `http://127.0.0.1:${port}`);
    const admin = await new TestApi(gateways[0]).login('admin', TEST_ADMIN_PASSWORD);
    expect((await streamInfo()).config.num_replicas).toBe(3);

    const geo = await createGeography(admin, 'CLU');
    const people: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const person = await admin.post('/api/v1/personnel', personnelBody(geo, { name: `Constable ${i}` }));
      expect(person.status).toBe(201);
      people.push(person.body.id);
    }

    const balancer = new Balancer(gateways, admin.token!);
    const acknowledged: string[] = [];
    const writes = steady(1000 / WRITES_PER_S, async (n) => {
      // Each person's duties three hours apart: no two of them overlap.
      const startsAt = Date.UTC(2027, 1, 1) + Math.floor(n / PEOPLE) * 3 * 3_600_000;
      const duty = (await balancer.write('/api/v1/assignments', {
        personnelId: people[n % PEOPLE],
        postId: geo.postId,
        role: 'guard',
        phase: 'poll_day',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 3_600_000).toISOString(),
      })) as { id: string } | undefined;
      if (duty) {
        acknowledged.push(duty.id);
      }
    });
    const reads = steady(1000 / READS_PER_S, (n) => balancer.read(READS[n % READS.length]));

    const startedAt = Date.now();
    await sleep(PHASE_MS);
    const leader = (await streamInfo()).cluster?.leader ?? cluster.names[0];
    const victims = apps.concat('gateway').map((app) => replicas.find((r) => r.app === app && r.index === 0)!);
    const killedAt = Date.now();
    await Promise.all([cluster.kill(leader), ...victims.map((victim) => victim.process.kill('SIGKILL'))]);
    await sleep(PHASE_MS);
    const restartedAt = Date.now();
    await cluster.restart(leader);
    for (const victim of victims) {
      replicas.splice(replicas.indexOf(victim), 1);
    }
    await Promise.all(victims.map((victim) => start(victim.app, victim.index, victim.port)));
    const backAt = Date.now();
    await sleep(PHASE_MS);
    await Promise.all([writes.stop(), reads.stop()]);
    const stoppedAt = Date.now();

    const figures = await eventually(
      async () => {
        const reconciled = await reconcileCluster(db.url, CONSUMERS, acknowledged);
        expect(reconciled.unsent).toBe(0);
        for (const consumer of reconciled.consumers) {
          expect(consumer).toMatchObject({ lost: 0, missingEffects: 0 });
        }
        return reconciled;
      },
      { timeoutMs: SETTLE_MS, intervalMs: 500 },
    );
    const caughtUpAt = Date.now();

    const outcomes = balancer.outcomes;
    const windows = {
      before: [startedAt, killedAt],
      'nodes down': [killedAt, restartedAt],
      restarting: [restartedAt, backAt],
      after: [backAt, stoppedAt],
    } as const;
    const rates = (kind: 'read' | 'write') =>
      Object.entries(windows)
        .map(([name, [from, to]]) => {
          const rate = errorRate(outcomes, from, to, kind);
          return `${name} ${(rate.rate * 100).toFixed(1)}% of ${rate.requests} ${JSON.stringify(rate.statuses)}`;
        })
        .join(', ');
    const after = errorRate(outcomes, backAt, stoppedAt, 'read');
    const failedReads = outcomes.filter((o) => o.kind === 'read' && !o.ok && o.at >= killedAt);
    const answered = outcomes
      .filter((o) => o.kind === 'read' && o.ok && o.at >= killedAt)
      .map((o) => o.at)
      .sort((a, b) => a - b);
    const silence = Math.max(...[killedAt, ...answered, stoppedAt].map((t, i, all) => (i ? t - all[i - 1] : 0)));
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    report(figures, leader);
    const samples = new Map<string, string>();
    for (const failed of outcomes.filter((o) => !o.ok && o.error)) {
      samples.set(`${failed.kind} ${failed.status}`, failed.error!);
    }
    for (const [what, error] of samples) {
      process.stdout.write(`cluster failure sample, ${what}: ${error}\n`);
    }
    process.stdout.write(
      [
        `cluster reads failed: ${rates('read')}; repeated on another gateway ${balancer.rerouted}`,
        `cluster writes failed: ${rates('write')}`,
        `cluster recovery: nodes down ${seconds(restartedAt - killedAt)}, killed processes back ` +
          `${seconds(backAt - restartedAt)} after their restart; last failed read ` +
          `${failedReads.length ? seconds(failedReads.at(-1)!.at - killedAt) : 'none'} after the kill; longest ` +
          `time without an answered read ${seconds(silence)}; every event applied ` +
          `${seconds(caughtUpAt - stoppedAt)} after the traffic stopped`,
      ].join('\n') + '\n',
    );

    // No replica that was left running fell over on its own along the way.
    const fell = replicas.filter((replica) => replica.process.exitCode !== null);
    expect(fell.map((replica) => `${replica.app} ${replica.index}: ${replica.process.tail(5)}`)).toEqual([]);
    expect(figures.events).toBeGreaterThan(0);
    expect(figures.acknowledgedWithoutEvent).toBe(0);
    for (const consumer of figures.consumers) {
      expect(consumer).toMatchObject({ applied: figures.events, lost: 0, duplicated: 0 });
    }
    expect(after.rate).toBeLessThanOrEqual(MAX_ERROR_RATE_AFTER);
    expect(silence).toBeLessThanOrEqual(MAX_SILENCE_MS);
    const stream = await streamInfo();
    expect(stream.config.num_replicas).toBe(3);
    expect(stream.cluster?.replicas?.length).toBe(2);
    // The durable consumers set no replicas of their own: they follow the stream's three.
    for (const durable of CONSUMERS) {
      expect((await consumerInfo(durable)).cluster?.replicas?.length).toBe(2);
    }
  });

  function report(figures: ClusterReconciliation, leader: string): void {
    const consumers = figures.consumers
      .map(
        (c) =>
          `${c.consumer} applied=${c.applied} lost=${c.lost} duplicated=${c.duplicated} ` +
          `longest commit-to-apply ${(c.maxLagMs / 1000).toFixed(1)} s`,
      )
      .join('; ');
    process.stdout.write(
      `faults cluster-failover (killed stream leader ${leader}): events=${figures.events} ` +
        `(${figures.envelopeBytes} bytes each) ` +
        `acknowledged-without-event=${figures.acknowledgedWithoutEvent}; ${consumers}\n`,
    );
  }

  async function consumerInfo(durable: string) {
    const nc = await connect({ servers: cluster.url.split(',') });
    try {
      return await (await nc.jetstreamManager()).consumers.info(EVENT_STREAM, durable);
    } finally {
      await nc.close();
    }
  }

  async function streamInfo() {
    const nc = await connect({ servers: cluster.url.split(',') });
    try {
      return await (await nc.jetstreamManager()).streams.info(EVENT_STREAM);
    } finally {
      await nc.close();
    }
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
