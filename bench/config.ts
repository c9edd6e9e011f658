import path from 'node:path';

/**
 * What one bench run does; `--quick` keeps the shape and shrinks the counts so it fits in a few minutes.
 * `--national` is the scale of a general election instead (see `national`), `--scale 0.1` a tenth of it.
 */
export interface BenchConfig {
  quick: boolean;
  /** `--national`: import, convergence, roll-up, memory and disk at election scale; no API read, no fault suite. */
  national: boolean;
  /** `--api-only`: seed, measure the API read, stop; for A/B runs of one change (docs/benchmarks.md). */
  apiOnly: boolean;
  root: string;
  /** The built apps to run: BENCH_DIST, so that two builds can take turns; `dist` of the checkout by default. */
  dist: string;
  databaseUrl: string;
  seed: { districts: number; tehsilsPerDistrict: number; stationsPerTehsil: number; personnel: number; posts: number };
  /** `fixedRate` requests/s for `fixedRateSeconds` per round: the open-loop rounds of the API read. */
  api: {
    rounds: number;
    seconds: number;
    /** Requests per side before the rounds, counted rather than timed: V8 optimises a handler after so many calls,
     * and on a busy machine a few seconds may be a few hundred requests. */
    warmupRequests: number;
    connections: number;
    fixedRate: number;
    fixedRateSeconds: number;
  };
  /** People imported through the gateway (then one duty each: the convergence phase). */
  importRows: number;
  /** Duties imported through the gateway after the people: `importRows` in a quick or full run. */
  dutyRows: number;
  /** The largest file one import sends: a national roster arrives as several files, as from its divisions. */
  importFileRows: number;
  /** The apps' LOG_LEVEL: per-request logs at `info` measure the log pipe more than the code. */
  logLevel: string;
  poolMax: number;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rasad_bench';

export function benchConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const quick = argv.includes('--quick');
  const national = argv.includes('--national');
  const scale = national ? scaleOf(argv) : 1;
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  const databaseUrl = env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  // The bench drops this database at start: never let it point at real data.
  if (!new URL(databaseUrl).pathname.includes('bench')) {
    throw new Error(`BENCH_DATABASE_URL must name a database containing "bench": ${databaseUrl}`);
  }
  const root = path.resolve(__dirname, '..');
  return {
    quick,
    national,
    apiOnly: argv.includes('--api-only'),
    root,
    dist: path.resolve(root, env.BENCH_DIST ?? 'dist'),
    databaseUrl,
    // National: the people and duties come through the gateway's imports; the seed is the geography and posts only.
    seed: national
      ? { districts: 150, tehsilsPerDistrict: 5, stationsPerTehsil: 10, personnel: 0, posts: scaled(100_000) }
      : { districts: 20, tehsilsPerDistrict: 5, stationsPerTehsil: 10, personnel: 100_000, posts: 10_000 },
    api: quick
      ? { rounds: 3, seconds: 3, warmupRequests: 3000, connections: 50, fixedRate: 500, fixedRateSeconds: 5 }
      : { rounds: 3, seconds: 10, warmupRequests: 10_000, connections: 50, fixedRate: 500, fixedRateSeconds: 10 },
    importRows: national ? scaled(650_000) : quick ? 10_000 : 100_000,
    dutyRows: national ? scaled(700_000) : quick ? 10_000 : 100_000,
    importFileRows: 100_000,
    logLevel: env.BENCH_LOG_LEVEL ?? 'warn',
    poolMax: 10,
  };
}

/** `--scale 0.1` (or `--scale=0.1`): the national counts times this, to try the national mode on a smaller machine. */
function scaleOf(argv: string[]): number {
  const at = argv.findIndex((arg) => arg === '--scale' || arg.startsWith('--scale='));
  if (at < 0) {
    return 1;
  }
  const text = argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  const scale = Number(text);
  if (!(scale > 0 && scale <= 1)) {
    throw new Error(`--scale must be a number above 0 and at most 1: ${text}`);
  }
  return scale;
}
