// `node -r @swc-node/register bench/consumer-throughput.ts [--events 20000] [--alone]`: how fast the briefings and
// notifier consumers apply a burst of roster events. It starts its own nats-server and database, publishes the events
// the demo seed would (posts, then personnel, then their duties; the Haripur demo copied under fresh ids until there
// are enough) straight to JetStream, starts both services, and times each until its inbox holds every event. With
// `--alone`, one service at a time: each consumer's own rate, without the other on the same two cores.
// Also run by `npm run bench` (bench/run.ts). See docs/benchmarks.md, section "Consumers".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EVENT_STREAM, EventEnvelope, EventSubject, RosterEvents } from '@rasad/contracts';
import { ensureEventStream } from '@rasad/messaging';
import { NatsServerProcess } from '@rasad/testing';
import { connect } from 'nats';
import { Client, Pool } from 'pg';
import { buildHaripurDemo } from '../apps/roster/src/seed/haripur-demo';
import { recreateDatabase } from './database';
import { envelope } from './readiness-roster';
import { Service, logTail, startService, stopAllOnSignal, stopService } from './processes';

export interface ConsumerFigures {
  events: number;
  /** Events per second from the first applied to the last, per consuming service. */
  briefings_eps: number;
  notifier_eps: number;
  briefings_cpu_ms_per_event: number;
  notifier_cpu_ms_per_event: number;
  postgres_cpu_ms_per_event: number;
  dead_letters: number;
}

const CONSUMERS = ['briefings', 'notifier'] as const;
type Consumer = (typeof CONSUMERS)[number];
const UUID = /^[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{12}|-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rasad_bench_consumers';
const STALL_MS = 60_000;
/** scripts/start.js's flags, and BENCH_APP_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) to profile. */
const nodeArgs = ['--heap-growing-percent=20', ...(process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];

/** The consumer bench's own database beside the main bench's: same server, `_consumers` appended. */
export function consumersDatabaseUrl(benchUrl: string): string {
  const url = new URL(benchUrl);
  url.pathname = `${url.pathname}_consumers`;
  return url.toString();
}

/** The demo's roster events, `copies` times over, each copy under its own ids (and codes) so none collide. */
export function demoEvents(count: number): EventEnvelope[] {
  const demo = buildHaripurDemo();
  const events: EventEnvelope[] = [];
  for (let copy = 0; events.length < count; copy++) {
    const prefix = copy.toString(16).padStart(8, '0');
    const remap = <T>(value: T): T =>
      JSON.parse(JSON.stringify(value), (key, v: unknown) => {
        if (typeof v === 'string' && UUID.test(v)) {
          return `${prefix}${v.slice(8)}`;
        }
        return (key === 'code' || key === 'serviceNumber') && typeof v === 'string' ? `${v}-${copy}` : v;
      }) as T;
    const of = (subject: EventSubject, payload: { id: string }) => envelope(subject, payload.id, payload);
    events.push(
      ...demo.posts.map((post) => of(RosterEvents.postCreated, remap(post))),
      ...demo.personnel.map(({ cnic: _cnic, ...person }) => of(RosterEvents.personnelRegistered, remap(person))),
      ...demo.assignments.map((duty) =>
        of(
          RosterEvents.assignmentCreated,
          remap({
            ...duty,
            startsAt: new Date(duty.startsAt).toISOString(),
            endsAt: new Date(duty.endsAt).toISOString(),
          }),
        ),
      ),
    );
  }
  return events.slice(0, count);
}

async function publish(natsUrl: string, events: EventEnvelope[]): Promise<number> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    await ensureEventStream(jsm);
    const js = nc.jetstream();
    const started = performance.now();
    for (let i = 0; i < events.length; i += 1000) {
      await Promise.all(events.slice(i, i + 1000).map((e) => js.publish(e.type, JSON.stringify(e), { msgID: e.id })));
    }
    const seconds = (performance.now() - started) / 1000;
    const info = await jsm.streams.info(EVENT_STREAM);
    if (info.state.messages !== events.length) {
      throw new Error(`the stream holds ${info.state.messages} of ${events.length} events`);
    }
    return seconds;
  } finally {
    await nc.close();
  }
}

interface Drain {
  eps: number;
  /** CPU the service's process spent per event applied (its notice dispatcher and the rest of it included). */
  cpuMsPerEvent: number;
}

/**
 * Polls each service's inbox until it holds every event, timing from the first applied to the last. On a busy machine
 * events/s follow the load; CPU per event (the service's, and PostgreSQL's backends' for both) is the steadier figure.
 */
async function timeConsumers(pool: Pool, total: number, services: Service[], consumers: readonly Consumer[]) {
  const drains = {} as Record<Consumer, Drain>;
  const first = new Map<Consumer, { at: number; count: number; cpuMs: number }>();
  let progress = { at: performance.now(), applied: -1 };
  let postgresStart: number | undefined;
  let postgresMs = 0;
  while (Object.keys(drains).length < consumers.length) {
    const dead = services.find(({ child }) => child.exitCode !== null || child.signalCode !== null);
    if (dead) {
      throw new Error(`${dead.name} exited:\n${logTail(dead)}`);
    }
    const now = performance.now();
    let applied = 0;
    for (const [index, service] of consumers.entries()) {
      if (drains[service] !== undefined) {
        applied += total;
        continue;
      }
      const count = await inboxCount(pool, service);
      applied += count;
      const pid = services[index].child.pid!;
      if (count > 0 && !first.has(service)) {
        first.set(service, { at: now, count, cpuMs: cpuMs(pid) });
        postgresStart ??= await postgresCpuMs(pool);
      }
      if (count >= total) {
        const start = first.get(service)!;
        const eps = now > start.at ? Math.round((total - start.count) / ((now - start.at) / 1000)) : Infinity;
        const cpuMsPerEvent = Math.round(((cpuMs(pid) - start.cpuMs) / (total - start.count)) * 1000) / 1000;
        drains[service] = { eps, cpuMsPerEvent };
        console.log(
          `  ${service}: ${total.toLocaleString('en')} applied, ${eps.toLocaleString('en')} events/s, ` +
            `${cpuMsPerEvent} ms CPU per event`,
        );
      }
    }
    if (Object.keys(drains).length === consumers.length && postgresStart !== undefined) {
      postgresMs = (await postgresCpuMs(pool)) - postgresStart;
    }
    if (applied > progress.applied) {
      progress = { at: now, applied };
    } else if (now - progress.at > STALL_MS) {
      throw new Error(`no progress for ${STALL_MS / 1000} s:\n${services.map((s) => logTail(s)).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const postgresMsPerEvent = Math.round((postgresMs / (total * consumers.length)) * 1000) / 1000;
  console.log(`  PostgreSQL: ${postgresMsPerEvent} ms CPU per event applied (${consumers.join(' and ')}'s backends)`);
  return { drains, postgresMsPerEvent };
}

const TICKS_PER_SECOND = 100;

/** User and system CPU a process has used so far, from /proc (Linux). */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0; // gone, or not Linux
  }
}

/** CPU of the backends connected to the bench database: the services' pools, which live through the run. */
async function postgresCpuMs(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return rows.reduce((sum, { pid }) => sum + cpuMs(pid), 0);
}

async function inboxCount(pool: Pool, schema: Consumer): Promise<number> {
  try {
    const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from ${schema}.inbox`);
    return rows[0].n;
  } catch {
    return 0; // not migrated yet
  }
}

/** Runs the measurement on a broker and database of its own; `databaseUrl` must name a bench database. */
export async function measureConsumers(
  events: number,
  databaseUrl = DEFAULT_DATABASE_URL,
  { alone = false } = {},
): Promise<ConsumerFigures> {
  const root = path.resolve(__dirname, '..');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rasad-bench-consumers-'));
  await recreateDatabase(databaseUrl);
  const broker = await NatsServerProcess.start();
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const services: Service[] = [];
  try {
    const burst = demoEvents(events);
    const publishSeconds = await publish(broker.url, burst);
    console.log(`  published ${burst.length.toLocaleString('en')} roster events in ${publishSeconds.toFixed(2)} s`);
    const start = (service: Consumer) =>
      startService(
        service,
        process.execPath,
        [...nodeArgs, '-r', '@swc-node/register', path.join(root, 'apps', service, 'src', 'main.ts')],
        { ...process.env, DATABASE_URL: databaseUrl, NATS_URL: broker.url, LOG_LEVEL: 'warn' },
        workDir,
      );
    const drains = {} as Record<Consumer, Drain>;
    const postgres: number[] = [];
    for (const group of alone ? CONSUMERS.map((service) => [service]) : [[...CONSUMERS]]) {
      const running = group.map(start);
      services.push(...running);
      const timed = await timeConsumers(pool, burst.length, running, group);
      Object.assign(drains, timed.drains);
      postgres.push(timed.postgresMsPerEvent);
      if (alone) {
        await stopService(running[0]);
      }
    }
    const postgresMsPerEvent = Math.round((postgres.reduce((a, b) => a + b, 0) / postgres.length) * 1000) / 1000;
    const { rows } = await pool.query<{ n: number }>(
      'select (select count(*) from briefings.dead_letter) + (select count(*) from notifier.dead_letter) as n',
    );
    return {
      events: burst.length,
      briefings_eps: drains.briefings.eps,
      notifier_eps: drains.notifier.eps,
      briefings_cpu_ms_per_event: drains.briefings.cpuMsPerEvent,
      notifier_cpu_ms_per_event: drains.notifier.cpuMsPerEvent,
      postgres_cpu_ms_per_event: postgresMsPerEvent,
      dead_letters: Number(rows[0].n),
    };
  } finally {
    for (const service of services) {
      await stopService(service);
    }
    await pool.end();
    await broker.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * One run at a time of this bench alone (a second would drop the first one's database); it does not wait for the
 * main bench's lock, whose database it does not touch. The lock lasts as long as the returned connection.
 */
async function lockConsumersBench(databaseUrl: string): Promise<Client> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  const { rows } = await client.query<{ locked: boolean }>(
    "select pg_try_advisory_lock(hashtext('rasad.bench.consumers')) as locked",
  );
  if (!rows[0].locked) {
    await client.end();
    throw new Error('another consumer bench run holds its lock; wait for it to finish');
  }
  return client;
}

if (require.main === module) {
  const at = process.argv.indexOf('--events');
  const events = at > 0 ? Number(process.argv[at + 1]) : 20_000;
  const alone = process.argv.includes('--alone');
  stopAllOnSignal();
  void (async () => {
    const databaseUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL;
    const lock = await lockConsumersBench(databaseUrl);
    try {
      console.log(`consumers${alone ? ', one at a time' : ''}: ${events.toLocaleString('en')} roster events`);
      const figures = await measureConsumers(events, databaseUrl, { alone });
      console.log(JSON.stringify(figures));
    } finally {
      await lock.end();
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
