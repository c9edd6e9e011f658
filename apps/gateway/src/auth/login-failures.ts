interface Window {
  failures: number;
  endsAt: number;
}

/**
 * Failed sign-ins per username, whatever address they come from: a guesser spreading attempts over many
 * addresses still gets only `limit` tries at one account per window. Kept in memory like the per-address
 * throttler (each gateway replica counts its own); the oldest entries go first when `maxTracked` is reached, so a
 * flood of invented usernames cannot grow it without bound.
 */
export class LoginFailures {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxTracked = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until this username may try again, or 0 when it may try now. */
  retryAfterSeconds(username: string): number {
    const window = this.current(username);
    return window && window.failures >= this.limit ? Math.ceil((window.endsAt - this.now()) / 1000) : 0;
  }

  recordFailure(username: string): void {
    const key = keyOf(username);
    const window = this.current(username);
    if (window) {
      window.failures++;
      return;
    }
    if (this.windows.size >= this.maxTracked) {
      this.windows.delete(this.windows.keys().next().value!);
    }
    this.windows.set(key, { failures: 1, endsAt: this.now() + this.windowMs });
  }

  private current(username: string): Window | undefined {
    const key = keyOf(username);
    const window = this.windows.get(key);
    if (window && window.endsAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }
}

function keyOf(username: string): string {
  return username.trim().toLowerCase();
}
