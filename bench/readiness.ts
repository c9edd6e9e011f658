// `node -r @swc-node/register bench/readiness.ts [--duties 100000] [--posts 10000]`: the readiness read model and
// its district report at scale. It starts its own nats-server and database, publishes one district's roster (posts,
// people, one duty each) straight to JetStream as the roster's relay would, starts the readiness service, times it
// until every event is applied and every duty judged, then times the district summary over NATS (validation, scope,
// roll-ups coloured for `at`, freshness) against the bare SQL GROUP BY over the same verdict rows.
// Also run by `npm run bench` (bench/run.ts). See docs/benchmarks.md, section "Readiness".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_DISTRICTS, EVENT_STREAM, EventEnvelope, EventSubject, Headers, RosterEvents } from '@rasad/contracts';
import { ensureEventStream } from '@rasad/messaging';
import { NatsServerProcess } from '@rasad/testing';
import { NatsConnection, connect, headers as natsHeaders } from 'nats';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { recreateDatabase } from './database';
import { Service, cpuMsOfPid, logTail, startService, stopAllOnSignal, stopService } from './processes';

export interface ReadinessFigures {
  duties: number;
  posts: number;
  events: number;
  /** Events per second from the first applied to the last judged. */
  model_eps: number;
  model_s: number;
  /** CPU per event applied: the service's process, and PostgreSQL's backends serving it. */
  model_cpu_ms_per_event: number;
  postgres_cpu_ms_per_event: number;
  summary_ms: number;
  bare_sql_ms: number;
  district_ratio: number;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rasad_bench_readiness';
const STALL_MS = 120_000;
const ROUNDS = 15;
const nodeArgs = ['--heap-growing-percent=20', ...(process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];

export function readinessDatabaseUrl(benchUrl: string): string {
  const url = new URL(benchUrl);
  url.pathname = `${url.pathname}_readiness`;
  return url.toString();
}

function envelope(type: EventSubject, aggregateId: string, payload: unknown): EventEnvelope {
  return {
    id: uuidv7(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'roster',
    correlationId: null,
    aggregateId,
    payload,
  };
}

/** One district: 10 tehsils, 100 police stations, `posts` posts, a person per duty, shifts three days ahead. */
function districtEvents(duties: number, posts: number) {
  const districtId = uuidv7();
  const tehsils = Array.from({ length: 10 }, () => uuidv7());
  const stations = Array.from({ length: 100 }, (_, i) => ({ id: uuidv7(), tehsilId: tehsils[i % 10] }));
  const units = Array.from({ length: 50 }, () => uuidv7());
  const postIds = Array.from({ length: posts }, () => uuidv7());
  const day = new Date(Date.now() + 3 * 24 * 3600_000).toISOString().slice(0, 10);
  const shifts = [
    [`${day}T06:00:00+05:00`, `${day}T14:00:00+05:00`],
    [`${day}T14:00:00+05:00`, `${day}T22:00:00+05:00`],
  ];
  const events: EventEnvelope[] = postIds.map((id, i) => {
    const station = stations[i % stations.length];
    return envelope(RosterEvents.postCreated, id, {
      id,
      code: `BR-${i}`,
      name: `Polling station ${i}`,
      kind: 'polling_station',
      category: 'B',
      districtId,
      tehsilId: station.tehsilId,
      policeStationId: station.id,
      latitude: null,
      longitude: null,
      remote: false,
    });
  });
  const people: EventEnvelope[] = [];
  const assignments: EventEnvelope[] = [];
  for (let i = 0; i < duties; i++) {
    const personnelId = uuidv7();
    people.push(
      envelope(RosterEvents.personnelRegistered, personnelId, {
        id: personnelId,
        serviceNumber: `BR-${i}`,
        name: `Officer ${i}`,
        rank: 'constable',
        unitId: units[i % units.length],
        homeDistrictId: i % 5 === 0 ? uuidv7() : districtId,
        phone: '+923001234567',
        gender: 'male',
        dietaryNeeds: i % 7 === 0 ? ['diabetic'] : [],
        travelMode: i % 3 === 0 ? 'self' : 'provided',
        language: 'en',
        active: true,
        deactivatedAt: null,
        deactivationReason: null,
      }),
    );
    const dutyId = uuidv7();
    const [startsAt, endsAt] = shifts[i % shifts.length];
    assignments.push(
      envelope(RosterEvents.assignmentCreated, dutyId, {
        id: dutyId,
        personnelId,
        postId: postIds[i % posts],
        role: 'guard',
        phase: 'poll_day',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
        status: 'planned',
      }),
    );
  }
  return { districtId, events: [...events, ...people, ...assignments] };
}

async function publish(nc: NatsConnection, events: EventEnvelope[]): Promise<void> {
  const jsm = await nc.jetstreamManager();
  await ensureEventStream(jsm);
  const js = nc.jetstream();
  for (let i = 0; i < events.length; i += 1000) {
    await Promise.all(events.slice(i, i + 1000).map((e) => js.publish(e.type, JSON.stringify(e), { msgID: e.id })));
  }
  const info = await jsm.streams.info(EVENT_STREAM);
  if (info.state.messages !== events.length) {
    throw new Error(`the stream holds ${info.state.messages} of ${events.length} events`);
  }
}

async function count(pool: Pool, sql: string): Promise<number> {
  try {
    const { rows } = await pool.query<{ n: number }>(sql);
    return rows[0].n;
  } catch {
    return 0; // not migrated yet
  }
}

/** From the first event applied until the inbox holds them all and every duty has its verdict. */
async function timeModel(pool: Pool, events: number, duties: number, service: Service) {
  let first: { at: number; cpuMs: number; postgresMs: number } | undefined;
  let progress = { at: performance.now(), done: -1 };
  for (;;) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      throw new Error(`readiness exited:\n${logTail(service)}`);
    }
    const applied = await count(pool, 'select count(*)::int as n from readiness.inbox');
    const judged = await count(pool, 'select count(*)::int as n from readiness.verdict');
    const now = performance.now();
    if (applied > 0 && first === undefined) {
      first = { at: now, cpuMs: cpuMsOfPid(service.child.pid!), postgresMs: await postgresCpuMs(pool) };
    }
    if (first && applied >= events && judged >= duties) {
      const seconds = (now - first.at) / 1000;
      const perEvent = (ms: number) => Math.round((ms / events) * 1000) / 1000;
      return {
        seconds,
        eps: Math.round(events / seconds),
        cpuMsPerEvent: perEvent(cpuMsOfPid(service.child.pid!) - first.cpuMs),
        postgresMsPerEvent: perEvent((await postgresCpuMs(pool)) - first.postgresMs),
      };
    }
    if (applied + judged > progress.done) {
      progress = { at: now, done: applied + judged };
    } else if (now - progress.at > STALL_MS) {
      throw new Error(
        `no progress for ${STALL_MS / 1000} s (${applied} applied, ${judged} judged):\n${logTail(service)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** CPU of the backends connected to the bench database (the service's pool, which lives through the run). */
async function postgresCpuMs(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return rows.reduce((sum, { pid }) => sum + cpuMsOfPid(pid), 0);
}

/** The same roll-ups the summary makes, as bare SQL: counts per check and grouping, no colour, no service. */
const BARE_SQL = `select tehsil_id, police_station_id, unit_id, phase, count(*),
    count(*) filter (where briefed), count(*) filter (where transported), count(*) filter (where lodged),
    count(*) filter (where fed), count(*) filter (where missing_count = 0)
  from readiness.verdict where district_id = $1
  group by grouping sets ((), (tehsil_id), (tehsil_id, police_station_id), (unit_id), (phase))`;

async function summaryOverNats(nc: NatsConnection, districtId: string): Promise<void> {
  const headers = natsHeaders();
  headers.set(Headers.scope, ALL_DISTRICTS);
  const packet = JSON.stringify({ pattern: 'readiness.summary.get.v1', data: { districtId }, id: uuidv7() });
  const reply = (await nc.request('readiness.summary.get.v1', Buffer.from(packet), { timeout: 30_000, headers })).json<{
    response?: { totals: { assignments: number } };
    err?: unknown;
  }>();
  if (!reply.response) {
    throw new Error(`the summary failed: ${JSON.stringify(reply.err)}`);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Taking turns, so drift on the machine hits both; the median round counts. */
async function timeSummary(nc: NatsConnection, pool: Pool, districtId: string) {
  const service: number[] = [];
  const bare: number[] = [];
  await summaryOverNats(nc, districtId);
  await pool.query(BARE_SQL, [districtId]);
  for (let round = 0; round < ROUNDS; round++) {
    let started = performance.now();
    await summaryOverNats(nc, districtId);
    service.push(performance.now() - started);
    started = performance.now();
    await pool.query(BARE_SQL, [districtId]);
    bare.push(performance.now() - started);
  }
  return { summaryMs: median(service), bareMs: median(bare) };
}

export async function measureReadiness(
  duties: number,
  posts: number,
  databaseUrl = DEFAULT_DATABASE_URL,
): Promise<ReadinessFigures> {
  const root = path.resolve(__dirname, '..');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rasad-bench-readiness-'));
  await recreateDatabase(databaseUrl);
  const broker = await NatsServerProcess.start();
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const nc = await connect({ servers: broker.url });
  let service: Service | undefined;
  try {
    const { districtId, events } = districtEvents(duties, posts);
    await publish(nc, events);
    console.log(`  published ${events.length.toLocaleString('en')} roster events`);
    service = startService(
      'readiness',
      process.execPath,
      [...nodeArgs, '-r', '@swc-node/register', path.join(root, 'apps', 'readiness', 'src', 'main.ts')],
      { ...process.env, DATABASE_URL: databaseUrl, NATS_URL: broker.url, LOG_LEVEL: 'warn' },
      workDir,
    );
    const model = await timeModel(pool, events.length, duties, service);
    console.log(
      `  read model: ${model.eps.toLocaleString('en')} events/s (${model.seconds.toFixed(1)} s), ` +
        `${model.cpuMsPerEvent} ms CPU per event, PostgreSQL ${model.postgresMsPerEvent} ms`,
    );
    await pool.query('vacuum analyze readiness.verdict');
    const { summaryMs, bareMs } = await timeSummary(nc, pool, districtId);
    const ratio = Math.round((summaryMs / bareMs) * 100) / 100;
    console.log(
      `  district summary ${summaryMs.toFixed(1)} ms, bare GROUP BY ${bareMs.toFixed(1)} ms (ratio ${ratio})`,
    );
    return {
      duties,
      posts,
      events: events.length,
      model_eps: model.eps,
      model_s: Math.round(model.seconds * 10) / 10,
      model_cpu_ms_per_event: model.cpuMsPerEvent,
      postgres_cpu_ms_per_event: model.postgresMsPerEvent,
      summary_ms: Math.round(summaryMs * 10) / 10,
      bare_sql_ms: Math.round(bareMs * 10) / 10,
      district_ratio: ratio,
    };
  } finally {
    if (service) {
      await stopService(service);
    }
    await nc.close();
    await pool.end();
    await broker.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  stopAllOnSignal();
  const duties = arg('--duties', 100_000);
  const posts = arg('--posts', 10_000);
  console.log(`readiness: ${duties.toLocaleString('en')} duties at ${posts.toLocaleString('en')} posts`);
  measureReadiness(duties, posts, process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL)
    .then((figures) => console.log(JSON.stringify(figures)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
