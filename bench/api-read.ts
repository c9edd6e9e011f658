import autocannon from 'autocannon';
import { isDeepStrictEqual } from 'node:util';
import { Pool as HttpPool } from 'undici';
import { BenchConfig } from './config';
import { openLoop, percentile } from './open-loop';
import { CpuSnapshot, cpuMsBetween } from './side-cpu';

/** `GET /api/v1/assignments/:id` measured three ways (docs/benchmarks.md, "API read"). */
export interface ApiReadFigures {
  /** Rasad's requests/s ÷ the NestJS peer's, both at saturation: target ≥ 2. */
  peer_ratio: number;
  /** Rasad's p99 ÷ the bare server's, both at the fixed offered rate: target ≤ 3. */
  fixed_rate_p99_ratio: number;
  /** Rasad's CPU per request at saturation, every process serving it and their PostgreSQL backends: target ≤ 0.5. */
  cpu_ms_per_request: number;
  /** Rasad's requests/s ÷ the bare server's at saturation: information. */
  ratio: number;
  rasad_rps: number;
  peer_rps: number;
  bare_rps: number;
  /** p99 at saturation (50 connections), ms. */
  rasad_p99_ms: number;
  peer_p99_ms: number;
  bare_p99_ms: number;
  peer_cpu_ms_per_request: number;
  bare_cpu_ms_per_request: number;
  /** The offered rate of the fixed-rate rounds, requests/s. */
  fixed_rate: number;
  fixed_rate_rasad_p50_ms: number;
  fixed_rate_rasad_p99_ms: number;
  fixed_rate_bare_p50_ms: number;
  fixed_rate_bare_p99_ms: number;
  /** CPU per request at the fixed rate, where fewer requests share each wake-up than at saturation. */
  fixed_rate_rasad_cpu_ms_per_request: number;
  fixed_rate_bare_cpu_ms_per_request: number;
}

export type SideName = 'rasad' | 'peer' | 'bare';

export interface ReadTarget {
  name: SideName;
  baseUrl: string;
  headers: Record<string, string>;
  /** CPU used so far by each process serving this side and each of their PostgreSQL backends (bench/side-cpu). */
  cpu: () => Promise<CpuSnapshot>;
}

interface Round {
  rps: number;
  p99: number;
  cpuMsPerRequest: number;
  /** Of which PostgreSQL's backends. */
  postgresCpuMsPerRequest: number;
}

interface FixedRateRound {
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
}

const PATH = '/api/v1/assignments/';

/**
 * Saturation: each side in turn for equal rounds (so drift on the machine, cache and autovacuum hit all alike), the
 * median round of each counting. Then Rasad and the bare server in turn at the fixed offered rate. `ids` are duties
 * the targets' caller may read; `outOfScope` one they may not.
 */
export async function measureApiRead(
  sides: Record<SideName, ReadTarget>,
  ids: string[],
  outOfScope: string,
  api: BenchConfig['api'],
): Promise<ApiReadFigures> {
  const all = [sides.rasad, sides.peer, sides.bare];
  await checkSameAnswer(all, ids[0]);
  await checkScoped(all, outOfScope);
  for (const target of all) {
    await saturate(target, ids, { amount: api.warmupRequests }, api.connections);
    // The pools have opened their connections: say what the CPU figures count.
    console.log(
      `  ${target.name}: CPU counted over ${(await target.cpu()).processes.size} processes and ${(await target.cpu()).backends.size} PostgreSQL backends`,
    );
  }
  await idleCpu(all, api.seconds);
  const rounds: Record<SideName, Round[]> = { rasad: [], peer: [], bare: [] };
  for (let i = 0; i < api.rounds; i++) {
    for (const target of all) {
      const round = await saturate(target, ids, { duration: api.seconds }, api.connections);
      rounds[target.name].push(round);
      console.log(
        `  round ${i + 1} ${target.name}: ${round.rps} req/s, p99 ${round.p99} ms, ` +
          `${round.cpuMsPerRequest.toFixed(3)} ms CPU per request (PostgreSQL ${round.postgresCpuMsPerRequest.toFixed(3)})`,
      );
    }
  }
  const fixed: Record<'rasad' | 'bare', FixedRateRound[]> = { rasad: [], bare: [] };
  for (let i = 0; i < api.rounds; i++) {
    for (const target of [sides.rasad, sides.bare]) {
      const round = await atFixedRate(target, ids, api.fixedRate, api.fixedRateSeconds, api.connections);
      fixed[target.name as 'rasad' | 'bare'].push(round);
      console.log(
        `  round ${i + 1} ${target.name} at ${api.fixedRate} req/s: p50 ${round.p50.toFixed(2)} ms, ` +
          `p99 ${round.p99.toFixed(2)} ms, ${round.cpuMsPerRequest.toFixed(3)} ms CPU per request`,
      );
    }
  }
  const sat = (name: SideName, key: keyof Round) => median(rounds[name].map((r) => r[key]));
  const atRate = (name: 'rasad' | 'bare', key: keyof FixedRateRound) => median(fixed[name].map((r) => r[key]));
  return {
    peer_ratio: round2(sat('rasad', 'rps') / sat('peer', 'rps')),
    fixed_rate_p99_ratio: round2(atRate('rasad', 'p99') / atRate('bare', 'p99')),
    cpu_ms_per_request: round3(sat('rasad', 'cpuMsPerRequest')),
    ratio: round2(sat('rasad', 'rps') / sat('bare', 'rps')),
    rasad_rps: sat('rasad', 'rps'),
    peer_rps: sat('peer', 'rps'),
    bare_rps: sat('bare', 'rps'),
    rasad_p99_ms: sat('rasad', 'p99'),
    peer_p99_ms: sat('peer', 'p99'),
    bare_p99_ms: sat('bare', 'p99'),
    peer_cpu_ms_per_request: round3(sat('peer', 'cpuMsPerRequest')),
    bare_cpu_ms_per_request: round3(sat('bare', 'cpuMsPerRequest')),
    fixed_rate: api.fixedRate,
    fixed_rate_rasad_p50_ms: round2(atRate('rasad', 'p50')),
    fixed_rate_rasad_p99_ms: round2(atRate('rasad', 'p99')),
    fixed_rate_bare_p50_ms: round2(atRate('bare', 'p50')),
    fixed_rate_bare_p99_ms: round2(atRate('bare', 'p99')),
    fixed_rate_rasad_cpu_ms_per_request: round3(atRate('rasad', 'cpuMsPerRequest')),
    fixed_rate_bare_cpu_ms_per_request: round3(atRate('bare', 'cpuMsPerRequest')),
  };
}

const randomPath = (ids: string[]) => PATH + ids[Math.floor(Math.random() * ids.length)];

/** A closed loop of `connections` keep-alive connections, each asking again as soon as it is answered. */
async function saturate(
  target: ReadTarget,
  ids: string[],
  length: { duration: number } | { amount: number },
  connections: number,
): Promise<Round> {
  const cpuBefore = await target.cpu();
  const result = await autocannon({
    url: target.baseUrl,
    connections,
    ...length,
    // On a busy machine a request of the slowest side may wait seconds: a timeout fails the run, so it is generous.
    timeout: 30,
    headers: target.headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: randomPath(ids) }) }],
  });
  const cpu = cpuMsBetween(cpuBefore, await target.cpu());
  const failed = result.errors + result.timeouts + result.non2xx;
  if (result.requests.total === 0) {
    throw new Error(`${target.name}: no request answered in the round (is the machine overloaded?)`);
  }
  if (failed > 0) {
    throw new Error(
      `${target.name}: ${failed} of ${result.requests.total} requests failed ` +
        `(${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx)`,
    );
  }
  return {
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    cpuMsPerRequest: cpu.totalMs / result.requests.total,
    postgresCpuMsPerRequest: cpu.postgresMs / result.requests.total,
  };
}

/**
 * An open loop at `rate` requests/s, evenly spaced, on a pool of keep-alive connections large enough that no request
 * waits for a free one (`connections`, as many as the saturation rounds use).
 */
async function atFixedRate(
  target: ReadTarget,
  ids: string[],
  rate: number,
  seconds: number,
  connections: number,
): Promise<FixedRateRound> {
  const http = new HttpPool(target.baseUrl, { connections, pipelining: 1 });
  let wrong = '';
  const send = async () => {
    const { statusCode, body } = await http.request({ method: 'GET', path: randomPath(ids), headers: target.headers });
    await body.dump();
    if (statusCode !== 200) {
      wrong = `answered ${statusCode}`;
      throw new Error(wrong);
    }
  };
  try {
    // The connections open before the clock starts, so that no round times TCP handshakes.
    await Promise.all(Array.from({ length: connections }, send));
    const cpuBefore = await target.cpu();
    const result = await openLoop(send, rate, seconds);
    const cpu = cpuMsBetween(cpuBefore, await target.cpu());
    if (result.failed > 0) {
      throw new Error(`${target.name} at ${rate} req/s: ${result.failed} requests failed (${wrong || 'refused'})`);
    }
    if (result.startLagP99 > 5) {
      console.warn(
        `  the generator started requests up to ${result.startLagP99.toFixed(1)} ms late (p99): busy machine`,
      );
    }
    return {
      p50: percentile(result.latencies, 50),
      p99: percentile(result.latencies, 99),
      cpuMsPerRequest: cpu.totalMs / result.latencies.length,
    };
  } finally {
    await http.close();
  }
}

/**
 * What each side burns with no request at all (timers, pollers, heartbeats, GC), all sides idle at once: at a few
 * hundred requests/s on a busy machine it is a visible part of the CPU per request.
 */
async function idleCpu(targets: ReadTarget[], seconds: number): Promise<void> {
  const before = await Promise.all(targets.map((t) => t.cpu()));
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = await Promise.all(targets.map((t) => t.cpu()));
  const perSecond = targets.map(
    (t, i) => `${t.name} ${(cpuMsBetween(before[i], after[i]).totalMs / seconds).toFixed(1)}`,
  );
  console.log(`  idle, CPU ms per second: ${perSecond.join(', ')}`);
}

/** Every side must answer the same JSON, or the comparison measures different work. */
async function checkSameAnswer(targets: ReadTarget[], id: string): Promise<void> {
  const answers = await Promise.all(
    targets.map(async ({ baseUrl, headers }) => (await fetch(baseUrl + PATH + id, { headers })).json()),
  );
  for (let i = 1; i < targets.length; i++) {
    if (!isDeepStrictEqual(answers[0], answers[i])) {
      throw new Error(
        `${targets[i].name} answers differently from ${targets[0].name}:\n` +
          `${JSON.stringify(answers[0])}\n${JSON.stringify(answers[i])}`,
      );
    }
  }
}

/** A duty outside the caller's districts is not found, on every side: each does the scope check. */
async function checkScoped(targets: ReadTarget[], id: string): Promise<void> {
  for (const { name, baseUrl, headers } of targets) {
    const response = await fetch(baseUrl + PATH + id, { headers });
    await response.body?.cancel();
    if (response.status !== 404) {
      throw new Error(`${name} answered ${response.status} for a duty outside its caller's districts, not 404`);
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const round2 = (value: number) => Math.round(value * 100) / 100;
const round3 = (value: number) => Math.round(value * 1000) / 1000;
