import { backoffMs } from './backoff';

describe('backoffMs', () => {
  const backoff = { baseMs: 1000, maxMs: 10_000 };

  it('waits the base after the first failure and doubles after each next one', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, backoff))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffMs(5, backoff)).toBe(10_000);
    expect(backoffMs(99, backoff)).toBe(10_000);
  });

  it('stays a finite number however many failures there were', () => {
    expect(backoffMs(10_000, backoff)).toBe(10_000);
    expect(backoffMs(Number.MAX_SAFE_INTEGER, { baseMs: 500, maxMs: 60_000 })).toBe(60_000);
    expect(backoffMs(2000, { baseMs: 1, maxMs: Number.MAX_SAFE_INTEGER })).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('treats an attempt below one as the first', () => {
    expect(backoffMs(0, backoff)).toBe(1000);
    expect(backoffMs(-3, backoff)).toBe(1000);
  });
});
