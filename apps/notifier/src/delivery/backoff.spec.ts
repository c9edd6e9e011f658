import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  const policy = { baseMs: 1000, maxMs: 10_000, maxAttempts: 5 };

  it('doubles from the base after each failure', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, policy))).toEqual([1000, 2000, 4000]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(4, { ...policy, maxAttempts: 100 })).toBe(8000);
    expect(retryDelayMs(5, { ...policy, maxAttempts: 100 })).toBe(10_000);
    expect(retryDelayMs(99, { ...policy, maxAttempts: 100 })).toBe(10_000);
  });

  it('gives up after the last attempt', () => {
    expect(retryDelayMs(4, policy)).toBe(8000);
    expect(retryDelayMs(5, policy)).toBeNull();
    expect(retryDelayMs(1, { ...policy, maxAttempts: 1 })).toBeNull();
  });
});
