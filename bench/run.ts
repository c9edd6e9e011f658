// `npm run bench` (full) or `npm run bench -- --quick`: builds the apps, starts them against a broker and a
// database of the bench's own, seeds data at scale, measures, writes bench/results/latest.json and stops
// everything it started. `--no-build` skips the build (so does BENCH_DIST, naming a build), `--no-faults` the fault
// suite, `--api-only` everything after the API read. `--national [--scale 0.1]` runs the national-scale bench instead
// (bench/national.ts). See docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { measureApiRead } from './api-read';
import { authHeaders, scopedOfficer } from './auth';
import { BenchConfig, benchConfig } from './config';
import { assignmentIdsIn, lockBench, recreateDatabase, referenceCodes, seedRoster } from './database';
import { consumersDatabaseUrl, measureConsumers } from './consumer-throughput';
import { BenchAutovacuum } from './autovacuum';
import { ConvergenceWatch, convergeAfterImports, writeAssignmentsCsv } from './convergence';
import { measureEventLag } from './event-lag';
import { runNational } from './national';
import { measureReadiness, readinessDatabaseUrl } from './readiness';
import {
  copyIntoEquivalentTable,
  copyIntoPlainTable,
  importFigures,
  importCsv,
  writePersonnelCsv,
} from './personnel-import';
import { sampleRss, Service, stopAllOnSignal } from './processes';
import { BenchResults, printTable, writeResults } from './report';
import { sideCpuSnapshot } from './side-cpu';
import { APPS, logMemory, startStack, stopConsumers, stopStack } from './stack';

/** The districts of the officer the API read signs in as: two of the seed's twenty, a tenth of the duties. */
const API_READ_DISTRICTS = ['BD001', 'BD002'];

async function main(): Promise<void> {
  const config = benchConfig(process.argv.slice(2));
  stopAllOnSignal();
  const [load] = os.loadavg();
  if (load > 0.5) {
    console.warn(`warning: load average ${load.toFixed(2)} before the bench; other work will skew the figures`);
  }
  const lock = await lockBench(config.databaseUrl);
  if (!process.argv.includes('--no-build') && !process.env.BENCH_DIST) {
    build(config.root);
  }
  const benchStarted = performance.now();
  await recreateDatabase(config.databaseUrl);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rasad-bench-'));
  const services: Service[] = [];
  const pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
  let finished = false;
  let watch: ConvergenceWatch | undefined;
  let autovacuum: BenchAutovacuum | null = null;
  try {
    console.log(`starting NATS, ${APPS.join(', ')} and the baseline (logs in ${workDir})`);
    const stack = await startStack(config, workDir, services);
    logMemory('start-up', stack);
    console.log('seeding');
    await seedRoster(pool, config);
    autovacuum = await BenchAutovacuum.start(config.databaseUrl);
    if (autovacuum) {
      console.log(
        "  PostgreSQL's autovacuum is off here: the bench vacuums and analyzes its tables as autovacuum would",
      );
    }
    watch = await ConvergenceWatch.open(stack.natsUrl, pool);
    // The seed's events (districts and posts) must be applied before anything is measured on top of them.
    const seedStarted = performance.now();
    await watch.untilConverged();
    console.log(`  consumers applied the seed's events in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const headers = await authHeaders(stack.gatewayUrl);
    if (config.national) {
      await runNational(config, stack, pool, watch, headers, workDir, benchStarted, () =>
        BenchAutovacuum.describe(autovacuum),
      );
      finished = true;
      return;
    }

    // Every app, from the first measured request to the convergence of the imports.
    const rss = sampleRss(Object.values(stack.apps));
    console.log(`api read: ${config.api.rounds} rounds of ${config.api.seconds} s each`);
    // As a district's logistics officer: the district-scoped read, the one most requests make.
    const officer = await scopedOfficer(stack.gatewayUrl, API_READ_DISTRICTS);
    const ids = await assignmentIdsIn(pool, API_READ_DISTRICTS);
    // CPU per request is counted alike for every side: its processes and their PostgreSQL backends (bench/side-cpu).
    const cpuOf = (services: Service[]) => () =>
      sideCpuSnapshot(
        pool,
        services.map((s) => s.child.pid!),
      );
    const sides = {
      rasad: {
        name: 'rasad' as const,
        baseUrl: stack.gatewayUrl,
        headers: officer.headers,
        cpu: cpuOf([stack.gateway, stack.roster, stack.nats]),
      },
      peer: { name: 'peer' as const, baseUrl: stack.peerUrl, headers: officer.headers, cpu: cpuOf([stack.peer]) },
      // The bare server trusts the caller's districts from a header, as a service behind a gateway would.
      bare: {
        name: 'bare' as const,
        baseUrl: stack.baselineUrl,
        headers: { 'x-district-ids': officer.districtIds.join(',') },
        cpu: cpuOf([stack.baseline]),
      },
    };
    const apiRead = await measureApiRead(sides, ids.inScope, ids.outOfScope, config.api);
    logMemory('api read', stack);
    if (config.apiOnly) {
      console.log(`api read (${config.dist}): ${JSON.stringify(apiRead)}, load average ${os.loadavg()[0].toFixed(2)}`);
      finished = true;
      return;
    }

    console.log(`personnel import: ${config.importRows.toLocaleString('en')} rows`);
    const csv = path.join(workDir, 'personnel.csv');
    await writePersonnelCsv(csv, config.importRows, await referenceCodes(pool));
    const dutiesCsv = path.join(workDir, 'assignments.csv');
    await writeAssignmentsCsv(dutiesCsv, config.dutyRows, config.importRows, config.seed.posts);
    // COPY first: after the import the roster's outbox relay is still publishing its events.
    await pool.query('checkpoint');
    const copySeconds = await copyIntoEquivalentTable(pool, csv);
    await pool.query('checkpoint');
    const plainSeconds = await copyIntoPlainTable(pool, csv);
    await pool.query('checkpoint');
    const importStarted = new Date();
    const rasadSeconds = await importCsv(stack.gatewayUrl, 'personnel', csv, config.importRows, headers);
    console.log(
      `  rasad ${rasadSeconds.toFixed(2)} s, COPY ${copySeconds.toFixed(3)} s ` +
        `(into a plain table of text columns: ${plainSeconds.toFixed(3)} s, ratio ${(rasadSeconds / plainSeconds).toFixed(1)})`,
    );
    // At once, as an officer would after the people: the consumers are applying the people's events meanwhile.
    const dutySeconds = await importCsv(stack.gatewayUrl, 'assignments', dutiesCsv, config.dutyRows, headers);
    console.log(`duty import: ${config.dutyRows.toLocaleString('en')} rows in ${dutySeconds.toFixed(2)} s`);
    logMemory('imports', stack);
    const convergence = await convergeAfterImports(pool, watch, importStarted, {
      personnel: config.importRows,
      duties: config.dutyRows,
      personnelSeconds: rasadSeconds,
      dutySeconds,
    });
    logMemory('convergence', stack);
    const peaks = rss.stop();
    console.log(`  peak memory under load, MB: ${JSON.stringify(peaks)}`);
    // What follows measures on brokers of its own: the services would only load the machine.
    await stopConsumers(stack);

    console.log('event lag');
    const eventLag = await measureEventLag({
      databaseUrl: config.databaseUrl,
      quick: config.quick,
    });

    const consumerEvents = config.quick ? 5000 : 20_000;
    console.log(`consumers: ${consumerEvents.toLocaleString('en')} roster events`);
    const consumers = await measureConsumers(consumerEvents, consumersDatabaseUrl(config.databaseUrl));
    console.log(`consumers, one at a time: ${consumerEvents.toLocaleString('en')} roster events`);
    const consumersAlone = await measureConsumers(consumerEvents, consumersDatabaseUrl(config.databaseUrl), {
      alone: true,
    });

    const duties = config.quick ? 10_000 : 100_000;
    console.log(`readiness: ${duties.toLocaleString('en')} duties at ${(duties / 10).toLocaleString('en')} posts`);
    const readiness = await measureReadiness(duties, duties / 10, readinessDatabaseUrl(config.databaseUrl));

    const results: BenchResults = {
      api_read: apiRead,
      import_100k: importFigures(rasadSeconds, copySeconds),
      event_lag: eventLag,
      consumers,
      consumers_alone: consumersAlone,
      readiness,
      convergence,
      rss_mb: peaks,
      meta: {
        date: new Date().toISOString(),
        cpus: os.cpus().length,
        quick: config.quick,
        load_average: os.loadavg().map((l) => Math.round(l * 100) / 100),
        autovacuum: BenchAutovacuum.describe(autovacuum),
      },
    };
    const file = path.join(config.root, 'bench', 'results', 'latest.json');
    writeResults(file, results);
    printTable(results);
    console.log(`results written to ${path.relative(process.cwd(), file)}`);
    if (convergence.dead_letters > 0) {
      throw new Error(`${convergence.dead_letters} events went to dead letters: the consumers did not converge`);
    }
    finished = true;
  } finally {
    await watch?.close();
    await autovacuum?.stop();
    await pool.end();
    await stopStack(services);
    await lock.end();
    if (finished) {
      fs.rmSync(workDir, { recursive: true, force: true });
    } else {
      console.error(`service logs kept in ${workDir}`);
    }
  }
  if (!config.national && !process.argv.includes('--no-faults')) {
    runFaults(config.root, config.quick);
  }
}

/**
 * The fault-injection suite at benchmark scale (10,000 events per scenario; 1,000 in a quick run), after the
 * stack above has stopped: its own nats-server per scenario, its own database. It fails the bench on any loss.
 */
function runFaults(root: BenchConfig['root'], quick: boolean): void {
  const events = quick ? 1000 : 10_000;
  console.log(`fault injection: ${events.toLocaleString('en')} events per scenario`);
  const result = spawnSync('npm', ['run', 'test:faults'], {
    cwd: root,
    env: { ...process.env, FAULT_EVENTS: String(events) },
    encoding: 'utf8',
  });
  for (const line of `${result.stdout}\n${result.stderr}`.split('\n')) {
    if (line.startsWith('faults ')) {
      console.log(`  ${line}`);
    }
  }
  if (result.status !== 0) {
    throw new Error(`the fault suite failed:\n${result.stdout.slice(-4000)}`);
  }
}

function build(root: BenchConfig['root']): void {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error('npm run build failed');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
