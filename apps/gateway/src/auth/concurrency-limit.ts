/** Thrown when the limit is full and its queue too, or a queued task waited longer than it may. */
export class LimitReachedError extends Error {
  constructor() {
    super('too many tasks at once');
    this.name = 'LimitReachedError';
  }
}

interface Waiter {
  start(): void;
  timer: NodeJS.Timeout;
}

/**
 * Runs at most `atOnce` tasks together; up to `queue` more wait their turn for at most `waitMs`, and any beyond
 * that are refused at once. Memory and CPU stay bounded however many callers arrive together.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  /** The most tasks that ever ran together: what a test reads to prove the bound. */
  peak = 0;

  constructor(
    readonly atOnce: number,
    readonly queue: number,
    readonly waitMs: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.atOnce) {
      this.started();
      return Promise.resolve();
    }
    if (this.waiting.length >= this.queue) {
      return Promise.reject(new LimitReachedError());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          this.started();
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new LimitReachedError());
        }, this.waitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private started(): void {
    this.running++;
    this.peak = Math.max(this.peak, this.running);
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.start();
  }
}
