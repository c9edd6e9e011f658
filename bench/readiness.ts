// `node -r @swc-node/register bench/readiness.ts [--duties 100000] [--posts 10000] [--districts 20] [--national]`:
// the readiness read model and its reports at scale. It starts its own nats-server and database, publishes the roster
// of equal districts (posts, people, one duty each) straight to JetStream as the roster's relay would, starts the
// readiness service, times it until every event is applied and every duty judged, copies the first district by SQL
// into the districts past the event path's 100,000 duties (`--national`: 700,000 duties, 100,000 posts, 150
// districts), checks that each report and its bare SQL give the same counts, then times one district's summary and
// the national roll-up over NATS (validation, scope, roll-ups coloured for `at`, freshness) against the bare SQL
// GROUP BY over the same verdict rows. Also run by `npm run bench` (bench/run.ts). See docs/benchmarks.md, section
// "Readiness".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NatsServerProcess } from '@rasad/testing';
import { EVENT_STREAM } from '@rasad/contracts';
import { NatsConnection, connect } from 'nats';
import { Pool } from 'pg';
import { recreateDatabase } from './database';
import { Service, cpuMsOfPid, logTail, startService, stopAllOnSignal, stopService } from './processes';
import { copyDistricts, planRoster, publish, rosterEvents } from './readiness-roster';
import { checkAgreement, districtReport, nationalReport, timeReport } from './readiness-rollups';

export interface ReadinessFigures {
  duties: number;
  posts: number;
  districts: number;
  /** Roster events fed through the read model, and the duties among them (the rest are copied by SQL). */
  events: number;
  model_duties: number;
  /** Events per second from the first applied to the last judged. */
  model_eps: number;
  model_s: number;
  /** CPU per event applied: the service's process, and PostgreSQL's backends serving it. */
  model_cpu_ms_per_event: number;
  postgres_cpu_ms_per_event: number;
  /** One district's summary over NATS against its bare SQL, medians of the rounds. */
  summary_ms: number;
  bare_sql_ms: number;
  district_ratio: number;
  /** The roll-up of every district (an admin's scope) over NATS against its bare SQL. */
  national_summary_ms: number;
  national_bare_sql_ms: number;
  national_ratio: number;
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

/**
 * Until the service is idle: every verdict.changed event relayed and its own consumer (it reads `evt.>`) caught up.
 * The reports are timed on a service doing nothing else, as the bare SQL runs on a database doing nothing else.
 */
async function settle(pool: Pool, nc: NatsConnection, service: Service): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const deadline = performance.now() + STALL_MS * 5;
  for (;;) {
    const unsent = await count(pool, 'select count(*)::int as n from readiness.outbox where sent_at is null');
    const consumer = await jsm.consumers.info(EVENT_STREAM, 'readiness');
    if (unsent === 0 && consumer.num_pending + consumer.num_ack_pending === 0) {
      return;
    }
    if (performance.now() > deadline) {
      throw new Error(`readiness did not settle (${unsent} events unsent):\n${logTail(service)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** CPU of the backends connected to the bench database (the service's pool, which lives through the run). */
async function postgresCpuMs(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return rows.reduce((sum, { pid }) => sum + cpuMsOfPid(pid), 0);
}

/** The full run's districts; `--national` has 150. */
export const READINESS_DISTRICTS = 20;

export async function measureReadiness(
  duties: number,
  posts: number,
  databaseUrl = DEFAULT_DATABASE_URL,
  districts = READINESS_DISTRICTS,
): Promise<ReadinessFigures> {
  const root = path.resolve(__dirname, '..');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rasad-bench-readiness-'));
  await recreateDatabase(databaseUrl);
  const broker = await NatsServerProcess.start();
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const nc = await connect({ servers: broker.url });
  let service: Service | undefined;
  try {
    const plan = planRoster({ duties, posts, districts });
    const events = rosterEvents(plan);
    const modelDuties = plan.eventDistricts * plan.dutiesPerDistrict;
    await publish(nc, events);
    console.log(
      `  published ${events.length.toLocaleString('en')} roster events ` +
        `(${plan.eventDistricts} districts of ${plan.dutiesPerDistrict.toLocaleString('en')} duties)`,
    );
    service = startService(
      'readiness',
      process.execPath,
      [...nodeArgs, '-r', '@swc-node/register', path.join(root, 'apps', 'readiness', 'src', 'main.ts')],
      { ...process.env, DATABASE_URL: databaseUrl, NATS_URL: broker.url, LOG_LEVEL: 'warn' },
      workDir,
    );
    const model = await timeModel(pool, events.length, modelDuties, service);
    console.log(
      `  read model: ${model.eps.toLocaleString('en')} events/s (${model.seconds.toFixed(1)} s), ` +
        `${model.cpuMsPerEvent} ms CPU per event, PostgreSQL ${model.postgresMsPerEvent} ms`,
    );
    await settle(pool, nc, service);
    const started = performance.now();
    const copied = await copyDistricts(pool, plan);
    if (copied > 0) {
      console.log(
        `  copied the first district into ${districts - plan.eventDistricts} more by SQL: ` +
          `${copied.toLocaleString('en')} duties in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    await pool.query('vacuum analyze readiness.verdict');
    const district = districtReport(nc, pool, plan.districtIds[0]);
    const national = nationalReport(nc, pool);
    const total = await checkAgreement(district, national);
    if (total !== modelDuties + copied) {
      throw new Error(`the national roll-up counts ${total} duties of ${modelDuties + copied}`);
    }
    const one = await timeReport(district, ROUNDS);
    console.log(`  district summary ${one.serviceMs} ms, bare GROUP BY ${one.bareMs} ms (ratio ${one.ratio})`);
    const all = await timeReport(national, ROUNDS);
    console.log(
      `  national roll-up of ${total.toLocaleString('en')} duties ${all.serviceMs} ms, ` +
        `bare GROUP BY ${all.bareMs} ms (ratio ${all.ratio})`,
    );
    return {
      duties: total,
      posts: plan.postsPerDistrict * districts,
      districts,
      events: events.length,
      model_duties: modelDuties,
      model_eps: model.eps,
      model_s: Math.round(model.seconds * 10) / 10,
      model_cpu_ms_per_event: model.cpuMsPerEvent,
      postgres_cpu_ms_per_event: model.postgresMsPerEvent,
      summary_ms: one.serviceMs,
      bare_sql_ms: one.bareMs,
      district_ratio: one.ratio,
      national_summary_ms: all.serviceMs,
      national_bare_sql_ms: all.bareMs,
      national_ratio: all.ratio,
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
  const national = process.argv.includes('--national');
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  stopAllOnSignal();
  const duties = arg('--duties', national ? 700_000 : 100_000);
  const posts = arg('--posts', national ? 100_000 : 10_000);
  const districts = arg('--districts', national ? 150 : READINESS_DISTRICTS);
  console.log(
    `readiness: ${duties.toLocaleString('en')} duties at ${posts.toLocaleString('en')} posts in ${districts} districts`,
  );
  measureReadiness(duties, posts, process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL, districts)
    .then((figures) => console.log(JSON.stringify(figures)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
