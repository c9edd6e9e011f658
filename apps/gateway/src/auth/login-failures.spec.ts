import { LoginFailures } from './login-failures';

describe('LoginFailures', () => {
  it('blocks a username after the limit until its window ends', () => {
    let now = 0;
    const failures = new LoginFailures(3, 60_000, 100, () => now);
    for (let i = 0; i < 3; i++) {
      expect(failures.retryAfterSeconds('dpo.haripur')).toBe(0);
      failures.recordFailure('dpo.haripur');
    }
    expect(failures.retryAfterSeconds('dpo.haripur')).toBe(60);
    expect(failures.retryAfterSeconds('DPO.Haripur ')).toBe(60);
    expect(failures.retryAfterSeconds('someone.else')).toBe(0);
    now = 45_000;
    expect(failures.retryAfterSeconds('dpo.haripur')).toBe(15);
    now = 60_000;
    expect(failures.retryAfterSeconds('dpo.haripur')).toBe(0);
  });

  it('forgets the oldest usernames first when it tracks too many', () => {
    const failures = new LoginFailures(1, 60_000, 2, () => 0);
    failures.recordFailure('a');
    failures.recordFailure('b');
    failures.recordFailure('c');
    expect(failures.retryAfterSeconds('a')).toBe(0);
    expect(failures.retryAfterSeconds('b')).toBe(60);
    expect(failures.retryAfterSeconds('c')).toBe(60);
  });
});
