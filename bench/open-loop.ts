// An open-loop load generator: requests start on a fixed schedule whatever the server does, as a district control
// room's clicks do. autocannon's `overallRate` sends each connection's share in a burst at the start of every
// second (it measures bursts), and a closed loop waits for answers before asking again: a slow server then gets
// fewer requests and its stall is never counted (coordinated omission). Here each request's latency runs from
// when it should have started.

/** The clock the generator reads and waits on; a spec swaps in one it drives. */
export interface LoadClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves at `at` (ms on the same clock) or soon after. */
  waitUntil(at: number): Promise<void>;
}

export const realClock: LoadClock = {
  now: () => performance.now(),
  waitUntil: (at) => {
    const ms = at - performance.now();
    // setTimeout rounds up to whole ms, and fires late under load: the generator catches up by starting every
    // request that is due at once, each timed from its own intended start.
    return new Promise((resolve) => (ms >= 1 ? setTimeout(resolve, ms) : setImmediate(resolve)));
  },
};

export interface OpenLoopResult {
  /** Per request, from its intended start to its answer, ms; in schedule order. */
  latencies: number[];
  /** Requests that failed (rejected): counted, not timed. */
  failed: number;
  /** How late the generator itself started requests, ms, p99: large means the figures say more about it. */
  startLagP99: number;
}

/** The intended start of request i, ms after the first: evenly spaced at `rate` per second. */
export function startOffsets(rate: number, seconds: number): number[] {
  const count = Math.round(rate * seconds);
  return Array.from({ length: count }, (_, i) => (i * 1000) / rate);
}

/** Sends `send()` at `rate` per second for `seconds`, never waiting for an answer before the next start. */
export async function openLoop(
  send: () => Promise<void>,
  rate: number,
  seconds: number,
  clock: LoadClock = realClock,
): Promise<OpenLoopResult> {
  const offsets = startOffsets(rate, seconds);
  const latencies = new Array<number>(offsets.length);
  const lags: number[] = [];
  const pending: Promise<void>[] = [];
  let failed = 0;
  const t0 = clock.now();
  let i = 0;
  while (i < offsets.length) {
    await clock.waitUntil(t0 + offsets[i]);
    // Everything due by now starts now; each keeps its own intended start.
    while (i < offsets.length && t0 + offsets[i] <= clock.now()) {
      const intended = t0 + offsets[i];
      const index = i;
      lags.push(clock.now() - intended);
      pending.push(
        send().then(
          () => void (latencies[index] = clock.now() - intended),
          () => void (failed += 1),
        ),
      );
      i += 1;
    }
  }
  await Promise.all(pending);
  return { latencies: latencies.filter((l) => l !== undefined), failed, startLagP99: percentile(lags, 99) };
}

/** The nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
