import { LoadClock, openLoop, percentile, startOffsets } from './open-loop';

/** A clock only the test moves: waiting moves it to the instant waited for, after work already queued has run. */
function fakeClock(): LoadClock & { advance(ms: number): void } {
  let t = 0;
  return {
    now: () => t,
    waitUntil: (at) =>
      Promise.resolve().then(() => {
        t = Math.max(t, at);
      }),
    advance: (ms) => (t += ms),
  };
}

describe('startOffsets', () => {
  it('spaces the starts evenly over the run, at the rate asked', () => {
    const offsets = startOffsets(500, 2);
    expect(offsets).toHaveLength(1000);
    expect(offsets.slice(0, 3)).toEqual([0, 2, 4]);
    const gaps = offsets.slice(1).map((offset, i) => offset - offsets[i]);
    expect(new Set(gaps)).toEqual(new Set([2]));
  });
});

describe('openLoop', () => {
  it('times each request from when it should have started, so a stall counts against every request it delayed', async () => {
    const clock = fakeClock();
    let sent = 0;
    const send = () => {
      // The first request stalls the process for 30 ms (a GC pause, a busy event loop).
      if (sent++ === 0) {
        clock.advance(30);
      }
      return Promise.resolve();
    };
    const { latencies, failed } = await openLoop(send, 500, 0.1, clock);
    expect(failed).toBe(0);
    expect(latencies).toHaveLength(50);
    // Requests 1..15 were due at 2..30 ms and went out at 30 ms: they waited 28..0 ms before being sent.
    expect(latencies.slice(0, 16)).toEqual(Array.from({ length: 16 }, (_, i) => 30 - 2 * i));
    expect(latencies.slice(16).every((l) => l === 0)).toBe(true);
  });

  it('starts requests on schedule without waiting for earlier answers', async () => {
    const clock = fakeClock();
    const answers: (() => void)[] = [];
    const run = openLoop(() => new Promise<void>((resolve) => answers.push(resolve)), 1000, 0.1, clock);
    // Every wait on the fake clock is a microtask: one macrotask later the whole schedule has been sent.
    await new Promise(setImmediate);
    expect(answers).toHaveLength(100);
    clock.advance(5);
    answers.forEach((answer) => answer());
    const { latencies } = await run;
    // The last started at 99 ms and was answered at 104.
    expect(latencies[0]).toBe(104);
    expect(latencies[99]).toBe(5);
  });

  it('counts failed requests apart from the timed ones', async () => {
    let sent = 0;
    const result = await openLoop(
      () => (sent++ % 2 === 0 ? Promise.resolve() : Promise.reject(new Error('refused'))),
      100,
      0.1,
      fakeClock(),
    );
    expect(result.failed).toBe(5);
    expect(result.latencies).toHaveLength(5);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([7], 99)).toBe(7);
  });
});
