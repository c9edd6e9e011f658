import autocannon from 'autocannon';
import { isDeepStrictEqual } from 'node:util';
import { BenchConfig } from './config';

export interface ApiReadFigures {
  /** CPU of the Rasad side (gateway, roster, nats-server, PostgreSQL backends) per request, when it was measured. */
  rasad_cpu_ms_per_request?: number;
  rasad_rps: number;
  baseline_rps: number;
  ratio: number;
  rasad_p99_ms: number;
  baseline_p99_ms: number;
  p99_ratio: number;
}

export interface ReadTarget {
  name: string;
  baseUrl: string;
  headers: Record<string, string>;
}

interface Round {
  rps: number;
  p99: number;
  requests: number;
}

const PATH = '/api/v1/assignments/';

/**
 * `GET /api/v1/assignments/:id` for random seeded ids, Rasad and the baseline taking turns for equal durations
 * so that drift on the machine (cache, autovacuum) hits both alike; the median round of each counts.
 */
export async function measureApiRead(
  rasad: ReadTarget,
  baseline: ReadTarget,
  ids: string[],
  api: BenchConfig['api'],
  /** CPU ms used so far by everything that serves Rasad's side, for its CPU per request. */
  rasadCpuMs?: () => Promise<number>,
): Promise<ApiReadFigures> {
  await checkSameAnswer(rasad, baseline, ids[0]);
  for (const target of [rasad, baseline]) {
    await load(target, ids, api.warmupSeconds, api.connections);
  }
  const rounds: Record<string, Round[]> = { [rasad.name]: [], [baseline.name]: [] };
  const cpuPerRequest: number[] = [];
  for (let i = 0; i < api.rounds; i++) {
    for (const target of [rasad, baseline]) {
      const cpuBefore = target === rasad ? await rasadCpuMs?.() : undefined;
      const round = await load(target, ids, api.seconds, api.connections);
      rounds[target.name].push(round);
      let cpu = '';
      if (cpuBefore !== undefined && rasadCpuMs) {
        cpuPerRequest.push(((await rasadCpuMs()) - cpuBefore) / round.requests);
        cpu = `, ${cpuPerRequest.at(-1)!.toFixed(3)} ms CPU per request`;
      }
      console.log(`  round ${i + 1} ${target.name}: ${round.rps} req/s, p99 ${round.p99} ms${cpu}`);
    }
  }
  const rasadRps = median(rounds[rasad.name].map((r) => r.rps));
  const baselineRps = median(rounds[baseline.name].map((r) => r.rps));
  const rasadP99 = median(rounds[rasad.name].map((r) => r.p99));
  const baselineP99 = median(rounds[baseline.name].map((r) => r.p99));
  return {
    ...(cpuPerRequest.length > 0 ? { rasad_cpu_ms_per_request: Math.round(median(cpuPerRequest) * 1000) / 1000 } : {}),
    rasad_rps: rasadRps,
    baseline_rps: baselineRps,
    ratio: round2(rasadRps / baselineRps),
    rasad_p99_ms: rasadP99,
    baseline_p99_ms: baselineP99,
    p99_ratio: round2(rasadP99 / baselineP99),
  };
}

async function load(target: ReadTarget, ids: string[], seconds: number, connections: number): Promise<Round> {
  const result = await autocannon({
    url: target.baseUrl,
    connections,
    duration: seconds,
    headers: target.headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: PATH + ids[Math.floor(Math.random() * ids.length)] }),
      },
    ],
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) {
    throw new Error(
      `${target.name}: ${failed} of ${result.requests.total} requests failed ` +
        `(${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx)`,
    );
  }
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, requests: result.requests.total };
}

/** Both must answer the same JSON, or the comparison measures different work. */
async function checkSameAnswer(rasad: ReadTarget, baseline: ReadTarget, id: string): Promise<void> {
  const [ours, bare] = await Promise.all(
    [rasad, baseline].map(async ({ baseUrl, headers }) => (await fetch(baseUrl + PATH + id, { headers })).json()),
  );
  if (!isDeepStrictEqual(ours, bare)) {
    throw new Error(`the baseline answers differently:\n${JSON.stringify(ours)}\n${JSON.stringify(bare)}`);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const round2 = (value: number) => Math.round(value * 100) / 100;
