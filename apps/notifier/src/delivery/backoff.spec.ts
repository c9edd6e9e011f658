import { retryDelayMs } from './backoff';

// How the wait grows is the shared backoffMs's (libs/common/src/backoff.spec.ts); here, only when a notice stops.
describe('retryDelayMs', () => {
  const policy = { baseMs: 1000, maxMs: 10_000, maxAttempts: 5 };

  it('waits the shared backoff between attempts', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(99, { ...policy, maxAttempts: 100 })).toBe(10_000);
  });

  it('gives up after the last attempt', () => {
    expect(retryDelayMs(5, policy)).toBeNull();
    expect(retryDelayMs(1, { ...policy, maxAttempts: 1 })).toBeNull();
  });
});
