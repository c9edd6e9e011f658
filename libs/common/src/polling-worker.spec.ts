import { Logger } from '@nestjs/common';
import { PollingWorker, PollingWorkerOptions } from './polling-worker';

/** A round whose outcome the test decides, recording when each round started and how many ran at once. */
class ScriptedRounds {
  readonly startedAt: number[] = [];
  maxConcurrent = 0;
  private concurrent = 0;
  private pending: { resolve: (handled: number) => void; reject: (error: Error) => void }[] = [];

  constructor(private readonly script: (call: number) => number | Error | 'hold') {}

  readonly round = async (): Promise<number> => {
    this.startedAt.push(Date.now());
    this.concurrent += 1;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.concurrent);
    try {
      const outcome = this.script(this.startedAt.length);
      if (outcome === 'hold') {
        return await new Promise<number>((resolve, reject) => this.pending.push({ resolve, reject }));
      }
      if (outcome instanceof Error) {
        throw outcome;
      }
      return outcome;
    } finally {
      this.concurrent -= 1;
    }
  };

  get calls(): number {
    return this.startedAt.length;
  }

  finishHeld(handled: number): void {
    this.pending.shift()!.resolve(handled);
  }
}

describe('PollingWorker', () => {
  let worker: PollingWorker | undefined;
  let warnings: string[];

  const startWorker = async (rounds: ScriptedRounds, options: Partial<PollingWorkerOptions> = {}) => {
    worker = new PollingWorker({ name: 'test-worker', round: rounds.round, batchSize: 5, pollMs: 1000, ...options });
    await worker.start();
    await jest.advanceTimersByTimeAsync(0);
    return worker;
  };

  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
  });

  afterEach(async () => {
    const stopping = worker?.stop();
    await jest.runOnlyPendingTimersAsync();
    await stopping;
    worker = undefined;
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('runs again at once while rounds come back full, then waits the poll interval', async () => {
    const rounds = new ScriptedRounds((call) => [5, 5, 2][call - 1] ?? 0);
    await startWorker(rounds);
    await jest.advanceTimersByTimeAsync(10);
    expect(rounds.calls).toBe(3);
    expect(rounds.startedAt[2]).toBeLessThan(10);

    await jest.advanceTimersByTimeAsync(2000);
    const [, , third, fourth, fifth] = rounds.startedAt;
    expect([fourth - third, fifth - fourth]).toEqual([1000, 1000]);
  });

  it('never runs two rounds at once: wakes during a round make one more round right after it', async () => {
    const rounds = new ScriptedRounds((call) => (call === 1 ? 'hold' : 0));
    const running = await startWorker(rounds);
    for (let i = 0; i < 5; i++) {
      running.wake();
    }
    await jest.advanceTimersByTimeAsync(5000);
    expect(rounds.calls).toBe(1);

    rounds.finishHeld(0);
    await jest.advanceTimersByTimeAsync(0);
    expect(rounds.startedAt).toEqual([0, 5000]);
    expect(rounds.maxConcurrent).toBe(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(rounds.calls).toBe(2);
  });

  it('starts a round as soon as it is woken between polls', async () => {
    const rounds = new ScriptedRounds(() => 0);
    const running = await startWorker(rounds);
    await jest.advanceTimersByTimeAsync(300);
    running.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(rounds.startedAt).toEqual([0, 300]);
    // The poll interval counts from the woken round.
    await jest.advanceTimersByTimeAsync(999);
    expect(rounds.calls).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(rounds.startedAt).toEqual([0, 300, 1300]);
  });

  it('stop waits for the round in hand and starts no other', async () => {
    const rounds = new ScriptedRounds((call) => (call === 1 ? 'hold' : 5));
    const running = await startWorker(rounds);
    let stopped = false;
    const stopping = running.stop().then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(stopped).toBe(false);

    rounds.finishHeld(5);
    await stopping;
    running.wake();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(rounds.calls).toBe(1);
  });

  it('backs off after failed rounds, growing to the cap, and resets after a success', async () => {
    const outcomes: (number | Error)[] = [
      new Error('connection refused'),
      new Error('connection refused'),
      new Error('connection refused'),
      0,
      new Error('deadlock detected'),
    ];
    const rounds = new ScriptedRounds((call) => outcomes[call - 1] ?? 0);
    await startWorker(rounds, { pollMs: 100, errorBackoff: { baseMs: 100, maxMs: 250 } });
    await jest.advanceTimersByTimeAsync(1000);
    //                          fail  +100  +200 +250 (cap) ok, +100 poll  fail, +100 (reset)  ok, +100 poll
    expect(rounds.startedAt.slice(0, 8)).toEqual([0, 100, 300, 550, 650, 750, 850, 950]);
    expect(warnings).toEqual([
      'round failed (1 in a row): connection refused; trying again in 100 ms',
      'round failed (2 in a row): connection refused; trying again in 200 ms',
      'round failed (3 in a row): connection refused; trying again in 250 ms',
      'round failed (1 in a row): deadlock detected; trying again in 100 ms',
    ]);
  });

  it('is not hurried by wakes while it backs off from a failure', async () => {
    const rounds = new ScriptedRounds((call) => (call === 1 ? new Error('database is starting up') : 0));
    const running = await startWorker(rounds, { pollMs: 100, errorBackoff: { baseMs: 500, maxMs: 500 } });
    running.wake();
    await jest.advanceTimersByTimeAsync(499);
    expect(rounds.calls).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(rounds.startedAt).toEqual([0, 500]);
  });
});
