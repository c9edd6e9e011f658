import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { Backoff, backoffMs } from './backoff';

export interface PollingWorkerOptions {
  /** Names the worker in logs and its LISTEN connection in pg_stat_activity. */
  name: string;
  /**
   * Claims one batch (FOR UPDATE SKIP LOCKED, so replicas share the work), handles it in its own transaction and
   * says how many it handled. A rejection is a failed round: nothing is lost, the work is claimed again later.
   */
  round: () => Promise<number>;
  /** A round that handled this many went full: more may be waiting, so the next one starts at once. */
  batchSize: number;
  /** The wait between rounds that found less than a full batch. */
  pollMs: number;
  /** Wakes the worker early when a channel is notified, on a PostgreSQL connection of its own. */
  listen?: { databaseUrl: string; channels: string[] };
  /** The wait after failed rounds (and lost LISTEN connections); by default from pollMs up to 30 s. */
  errorBackoff?: Backoff;
}

/**
 * The one polling loop of the project: the outbox relay, the reminder scheduler and the notice dispatcher are each a
 * `round` run by it. One round at a time per worker; full rounds run again at once; a notification starts a round
 * early; a failed round is retried after a growing backoff that resets on the next success; `stop` lets the round
 * in hand finish (commit or roll back) and starts no other.
 */
export class PollingWorker {
  private readonly logger: Logger;
  private readonly errorBackoff: Backoff;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private wokenWhileRunning = false;
  private failures = 0;
  private active = false;
  private listener?: Client;
  private listenerFailures = 0;
  private reconnect?: NodeJS.Timeout;

  constructor(private readonly options: PollingWorkerOptions) {
    this.logger = new Logger(options.name);
    this.errorBackoff = options.errorBackoff ?? { baseMs: options.pollMs, maxMs: Math.max(options.pollMs, 30_000) };
  }

  /** Listens (when asked to), then runs the first round at once. */
  async start(): Promise<void> {
    if (this.active) {
      return;
    }
    this.active = true;
    if (this.options.listen) {
      // Before the first round, so a commit that round does not see still wakes the worker.
      await this.listen(this.options.listen);
    }
    this.runNow();
  }

  /** Starts a round now, or right after the one in hand; ignored while backing off from a failure. */
  wake(): void {
    if (!this.active) {
      return;
    }
    if (this.running) {
      this.wokenWhileRunning = true;
    } else if (this.failures === 0) {
      this.runNow();
    }
  }

  /** Starts no more rounds and waits for the one in hand. */
  async stop(): Promise<void> {
    this.active = false;
    clearTimeout(this.timer);
    clearTimeout(this.reconnect);
    const listener = this.listener;
    this.listener = undefined;
    await this.running;
    await listener?.end().catch(() => undefined);
  }

  private runNow(): void {
    clearTimeout(this.timer);
    if (!this.active || this.running) {
      return;
    }
    this.running = this.runRound().then((nextInMs) => {
      this.running = undefined;
      if (this.active) {
        this.timer = setTimeout(() => this.runNow(), nextInMs);
      }
    });
  }

  /** One round, never rejecting; the wait before the next. */
  private async runRound(): Promise<number> {
    this.wokenWhileRunning = false;
    try {
      const handled = await this.options.round();
      this.failures = 0;
      return handled >= this.options.batchSize || this.wokenWhileRunning ? 0 : this.options.pollMs;
    } catch (error) {
      this.failures += 1;
      const retryInMs = backoffMs(this.failures, this.errorBackoff);
      this.logger.warn(`round failed (${this.failures} in a row): ${describe(error)}; trying again in ${retryInMs} ms`);
      return retryInMs;
    }
  }

  /**
   * A lost connection only slows the worker to its poll: it reconnects in the background, and wakes once it is back
   * since notifications sent meanwhile went nowhere.
   */
  private async listen(listen: NonNullable<PollingWorkerOptions['listen']>): Promise<void> {
    const client = new Client({
      connectionString: listen.databaseUrl,
      application_name: `${this.options.name} listener`.slice(0, 63),
    });
    let lost = false;
    const onLost = (error?: unknown) => {
      if (lost) {
        return;
      }
      lost = true;
      if (this.listener === client) {
        this.listener = undefined;
      }
      client.end().catch(() => undefined);
      this.listenAgain(listen, error);
    };
    client.on('notification', () => this.wake());
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      for (const channel of listen.channels) {
        await client.query(`listen ${client.escapeIdentifier(channel)}`);
      }
    } catch (error) {
      onLost(error);
      return;
    }
    if (lost) {
      return;
    }
    if (!this.active) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    if (this.listenerFailures > 0) {
      this.listenerFailures = 0;
      this.logger.log(`listening on ${listen.channels.join(', ')} again`);
      this.wake();
    }
  }

  private listenAgain(listen: NonNullable<PollingWorkerOptions['listen']>, error: unknown): void {
    if (!this.active) {
      return;
    }
    this.listenerFailures += 1;
    const retryInMs = backoffMs(this.listenerFailures, this.errorBackoff);
    this.logger.warn(
      `LISTEN connection lost (${error === undefined ? 'closed' : describe(error)}); ` +
        `polling every ${this.options.pollMs} ms and reconnecting in ${retryInMs} ms`,
    );
    this.reconnect = setTimeout(() => void this.listen(listen), retryInMs);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
