import { ConcurrencyLimit, LimitReachedError } from './concurrency-limit';

function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('ConcurrencyLimit', () => {
  it('never runs more than atOnce tasks together, and runs the queued ones in turn', async () => {
    const limit = new ConcurrencyLimit(2, 10, 5_000);
    let running = 0;
    let most = 0;
    const gates = Array.from({ length: 8 }, gate);
    const tasks = gates.map((g, i) =>
      limit.run(async () => {
        running++;
        most = Math.max(most, running);
        await g.promise;
        running--;
        return i;
      }),
    );
    for (const g of gates) {
      await new Promise((resolve) => setImmediate(resolve));
      g.open();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(2);
    expect(limit.peak).toBe(2);
  });

  it('refuses at once when the queue is full', async () => {
    const limit = new ConcurrencyLimit(1, 1, 5_000);
    const held = gate();
    const first = limit.run(() => held.promise);
    const second = limit.run(() => Promise.resolve('queued'));
    await expect(limit.run(() => Promise.resolve('refused'))).rejects.toBeInstanceOf(LimitReachedError);
    held.open();
    await first;
    expect(await second).toBe('queued');
  });

  it('gives up on a queued task that waited too long, and still frees its place', async () => {
    const limit = new ConcurrencyLimit(1, 5, 20);
    const held = gate();
    const first = limit.run(() => held.promise);
    await expect(limit.run(() => Promise.resolve('late'))).rejects.toBeInstanceOf(LimitReachedError);
    held.open();
    await first;
    expect(await limit.run(() => Promise.resolve('next'))).toBe('next');
  });

  it('frees the place of a task that failed', async () => {
    const limit = new ConcurrencyLimit(1, 0, 10);
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limit.run(() => Promise.resolve('after'))).toBe('after');
  });
});
