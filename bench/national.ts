// `npm run bench -- --national [--scale 0.1]`: a general election's roster (about 650,000 people, 700,000 duties,
// 100,000 posts in 150 districts) imported through the gateway, then: the imports' time, the consumers' convergence,
// the national readiness roll-up, peak memory per service, disk per 100,000 duties. See docs/benchmarks.md,
// section "National run".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { finished } from 'node:stream/promises';
import { EVENT_STREAM } from '@rasad/contracts';
import { connect } from 'nats';
import { Pool } from 'pg';
import { round2 } from './api-read';
import { BenchConfig } from './config';
import { ConvergenceFigures, ConvergenceWatch, convergeAfterImports, writeAssignmentsCsv } from './convergence';
import { referenceCodes, schemaSizesMb } from './database';
import { importCsv, writePersonnelCsv } from './personnel-import';
import { sampleRss } from './processes';
import { mergeResults } from './report';
import { Stack, logMemory } from './stack';

export interface NationalFigures {
  scale: number;
  districts: number;
  posts: number;
  personnel: number;
  duties: number;
  /** Both imports' own time, every file of each. */
  import_s: number;
  personnel_import_s: number;
  duty_import_s: number;
  /** From the first import's start until every consumer had applied every event. */
  convergence_s: number;
  convergence: ConvergenceFigures;
  /** The 150 district summaries through the gateway, one after another, as an admin. */
  readiness_rollup_ms: number;
  /** One GROUP BY over every verdict with the same roll-ups, per district, tehsil, police station and phase. */
  readiness_bare_sql_ms: number;
  rss_mb: Record<string, number>;
  disk_mb: Record<string, number>;
  jetstream_mb: number;
  /** All schemas and the JetStream store, per 100,000 duties imported (people, posts and verdicts included). */
  disk_mb_per_100k_duties: number;
  /** The whole run, from the bench's start (after any build) to the end of the measurements. */
  duration_s: number;
  load_average: number[];
  /** Who vacuumed and analyzed: the server's autovacuum, or the bench in its place (bench/autovacuum.ts). */
  autovacuum: string;
}

export async function runNational(
  config: BenchConfig,
  stack: Stack,
  pool: Pool,
  watch: ConvergenceWatch,
  headers: Record<string, string>,
  workDir: string,
  benchStarted: number,
  autovacuum: () => string,
): Promise<NationalFigures> {
  const { importRows: people, dutyRows: duties, importFileRows: perFile } = config;
  console.log(
    `national: ${people.toLocaleString('en')} people and ${duties.toLocaleString('en')} duties through the gateway, ` +
      `in files of up to ${perFile.toLocaleString('en')} rows`,
  );
  const personnelFiles = await split(path.join(workDir, 'personnel.csv'), perFile, (file) =>
    referenceCodes(pool).then((codes) => writePersonnelCsv(file, people, codes)),
  );
  const dutyFiles = await split(path.join(workDir, 'assignments.csv'), perFile, (file) =>
    writeAssignmentsCsv(file, duties, people, config.seed.posts),
  );

  const rss = sampleRss(Object.values(stack.apps));
  const importStarted = new Date();
  const personnelSeconds = await importFiles(stack.gatewayUrl, 'personnel', personnelFiles, headers);
  const dutySeconds = await importFiles(stack.gatewayUrl, 'assignments', dutyFiles, headers);
  logMemory('imports', stack);
  const convergence = await convergeAfterImports(pool, watch, importStarted, {
    personnel: people,
    duties,
    personnelSeconds,
    dutySeconds,
  });
  logMemory('convergence', stack);

  console.log('national readiness roll-up');
  const rollup = await timeNationalRollup(stack.gatewayUrl, pool, headers);
  console.log(`  ${rollup.districts} district summaries ${rollup.apiMs} ms, bare GROUP BY ${rollup.bareMs} ms`);
  const peaks = rss.stop();

  const disk = await schemaSizesMb(pool);
  const jetstreamMb = await jetstreamSizeMb(stack.natsUrl);
  const totalMb = Object.values(disk).reduce((a, b) => a + b, 0) + jetstreamMb;
  const figures: NationalFigures = {
    scale: round2(people / 650_000),
    districts: config.seed.districts,
    posts: config.seed.posts,
    personnel: people,
    duties,
    import_s: round2(personnelSeconds + dutySeconds),
    personnel_import_s: round2(personnelSeconds),
    duty_import_s: round2(dutySeconds),
    convergence_s: convergence.convergence_s,
    convergence,
    readiness_rollup_ms: rollup.apiMs,
    readiness_bare_sql_ms: rollup.bareMs,
    rss_mb: peaks,
    disk_mb: disk,
    jetstream_mb: jetstreamMb,
    disk_mb_per_100k_duties: Math.round((totalMb * 100_000) / duties),
    duration_s: Math.round((performance.now() - benchStarted) / 1000),
    load_average: os.loadavg().map(round2),
    autovacuum: autovacuum(),
  };
  const file = path.join(config.root, 'bench', 'results', 'latest.json');
  mergeResults(file, { national: figures });
  printNational(figures);
  console.log(`national figures written to ${path.relative(process.cwd(), file)} (its "national" section)`);
  if (convergence.dead_letters > 0) {
    throw new Error(`${convergence.dead_letters} events went to dead letters: the consumers did not converge`);
  }
  return figures;
}

/** Writes the whole file with `write`, then splits it into files of `perFile` rows, each with the header. */
async function split(whole: string, perFile: number, write: (file: string) => Promise<void>): Promise<string[]> {
  await write(whole);
  const files: string[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(whole), crlfDelay: Infinity });
  let header: string | undefined;
  let out: fs.WriteStream | undefined;
  let rows = 0;
  for await (const line of lines) {
    if (header === undefined) {
      header = line;
      continue;
    }
    if (!out || rows === perFile) {
      if (out) {
        out.end();
        await finished(out);
      }
      const file = whole.replace(/\.csv$/, `-${files.length + 1}.csv`);
      files.push(file);
      out = fs.createWriteStream(file);
      out.write(`${header}\n`);
      rows = 0;
    }
    if (!out.write(`${line}\n`)) {
      await new Promise<void>((resolve) => out!.once('drain', () => resolve()));
    }
    rows++;
  }
  if (out) {
    out.end();
    await finished(out);
  }
  fs.rmSync(whole);
  return files;
}

async function importFiles(
  gatewayUrl: string,
  kind: 'personnel' | 'assignments',
  files: string[],
  headers: Record<string, string>,
): Promise<number> {
  let seconds = 0;
  for (const [i, file] of files.entries()) {
    const rows = (await countLines(file)) - 1;
    const took = await importCsv(gatewayUrl, kind, file, rows, headers);
    seconds += took;
    console.log(`  ${kind} file ${i + 1}/${files.length}: ${rows.toLocaleString('en')} rows in ${took.toFixed(1)} s`);
  }
  return seconds;
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 10) {
        lines++;
      }
    }
  }
  return lines;
}

/** The national roll-up the readiness summary makes per district, over every verdict at once. */
const NATIONAL_BARE_SQL = `select district_id, tehsil_id, police_station_id, phase, count(*),
    count(*) filter (where briefed), count(*) filter (where transported), count(*) filter (where lodged),
    count(*) filter (where fed), count(*) filter (where missing_count = 0)
  from readiness.verdict
  group by grouping sets ((), (district_id), (district_id, tehsil_id), (district_id, tehsil_id, police_station_id),
    (phase))`;

/** 150 summaries make a round: one is enough, and each takes minutes on a busy machine (see docs). */
const ROUNDS = 1;

/**
 * The readiness summary has no national scope: a national roll-up is each district's summary, as the console's
 * national view would fetch them, through the gateway as admin, one after another (the gateway names each district's
 * tehsils, stations and units through the roster, a unit of another district by one request each). Against one bare
 * GROUP BY over all verdicts. Kept apart from bench/readiness.ts's district and national ratios, which time the service over NATS.
 */
async function timeNationalRollup(gatewayUrl: string, pool: Pool, headers: Record<string, string>) {
  const { rows } = await pool.query<{ id: string }>('select id from roster.district order by code');
  const api: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let started = performance.now();
    for (const { id } of rows) {
      const response = await fetch(`${gatewayUrl}/api/v1/readiness/summary?districtId=${id}`, { headers });
      if (!response.ok) {
        throw new Error(`the summary of district ${id} answered ${response.status}: ${await response.text()}`);
      }
      await response.arrayBuffer();
    }
    api.push(performance.now() - started);
    started = performance.now();
    await pool.query(NATIONAL_BARE_SQL);
    bare.push(performance.now() - started);
  }
  const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
  return { districts: rows.length, apiMs: median(api), bareMs: median(bare) };
}

async function jetstreamSizeMb(natsUrl: string): Promise<number> {
  const nc = await connect({ servers: natsUrl });
  try {
    const info = await (await nc.jetstreamManager()).streams.info(EVENT_STREAM);
    return Math.round(info.state.bytes / 1024 / 1024);
  } finally {
    await nc.close();
  }
}

function printNational(f: NationalFigures): void {
  const lines: [string, string | number, string?][] = [
    ['national.personnel', f.personnel],
    ['national.duties', f.duties],
    ['national.import_s', f.import_s],
    ['national.convergence_s', f.convergence_s],
    ['national.convergence.ratio', f.convergence.ratio, '≤ 3'],
    ...Object.entries(f.convergence.events_per_s).map(
      ([c, eps]) => [`national.convergence.events_per_s.${c}`, eps] as [string, number],
    ),
    ['national.readiness_rollup_ms', f.readiness_rollup_ms],
    ['national.readiness_bare_sql_ms', f.readiness_bare_sql_ms],
    ...Object.entries(f.rss_mb).map(([s, mb]) => [`national.rss_mb.${s}`, mb, '≤ 150'] as [string, number, string]),
    ['national.disk_mb_per_100k_duties', f.disk_mb_per_100k_duties],
    ['national.jetstream_mb', f.jetstream_mb],
    ['national.duration_s', f.duration_s],
  ];
  console.log('');
  for (const [figure, value, target] of lines) {
    console.log(`${figure.padEnd(44)} ${String(value).padStart(10)}  ${target ?? ''}`);
  }
  console.log(`load average ${f.load_average.join(', ')}; disk MB by schema ${JSON.stringify(f.disk_mb)}`);
  console.log(`autovacuum: ${f.autovacuum}`);
}
