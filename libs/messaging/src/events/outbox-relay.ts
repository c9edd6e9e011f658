import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEnvelope } from '@rasad/contracts';
import { JSONCodec } from 'nats';
import { Client, Pool } from 'pg';
import { EventsConnection } from './events-connection';
import { outboxChannel } from './messaging-tables';
import { EVENTS_OPTIONS, EventsOptions } from './outbox';

const BATCH = 500;
const POLL_MS = 1000;
const PUBLISH_TIMEOUT_MS = 5000;

interface PendingRow {
  id: string;
  subject: string;
  aggregate_id: string;
  envelope: EventEnvelope;
}

/**
 * Publishes committed outbox rows to JetStream with Nats-Msg-Id = event id, and marks them sent only after the
 * broker's ack. It wakes on NOTIFY and also polls. Replicas may all run it: a transaction-level advisory lock lets
 * one drain at a time, which keeps the events of each aggregate in order on the stream.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly codec = JSONCodec<EventEnvelope>();
  private pool?: Pool;
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
    private readonly connection: EventsConnection,
  ) {}

  async start(): Promise<void> {
    this.pool = new Pool({ connectionString: this.options.databaseUrl, max: 2 });
    this.pool.on('error', (error) => this.logger.warn(`outbox pool: ${error.message}`));
    await this.listen();
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    await this.pool?.end();
  }

  wake(): void {
    if (this.stopped) {
      return;
    }
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        const { published, complete } = await this.relayBatch();
        if (published === BATCH && complete) {
          this.again = true;
        }
      } catch (error) {
        this.logger.warn(`outbox relay: ${(error as Error).message}; retrying on the next poll`);
        return;
      }
    } while (this.again && !this.stopped);
  }

  private async relayBatch(): Promise<{ published: number; complete: boolean }> {
    const client = await this.pool!.connect();
    try {
      await client.query('begin');
      const { rows: lock } = await client.query<{ locked: boolean }>(
        'select pg_try_advisory_xact_lock(hashtext($1)) as locked',
        [`${this.options.schema}.outbox`],
      );
      if (!lock[0].locked) {
        await client.query('rollback');
        return { published: 0, complete: true };
      }
      const { rows } = await client.query<PendingRow>(
        `select id, subject, aggregate_id, envelope from ${this.options.schema}.outbox
         where sent_at is null order by seq limit $1 for update skip locked`,
        [BATCH],
      );
      const acked = rows.length > 0 ? await this.publish(rows) : [];
      if (acked.length > 0) {
        await client.query(`update ${this.options.schema}.outbox set sent_at = now() where id = any($1::uuid[])`, [
          acked,
        ]);
      }
      await client.query('commit');
      return { published: acked.length, complete: acked.length === rows.length };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Different aggregates go out concurrently; within one aggregate each waits for the previous ack. */
  private async publish(rows: PendingRow[]): Promise<string[]> {
    const { js } = await this.connection.get();
    const acked: string[] = [];
    const chains = new Map<string, Promise<boolean>>();
    for (const row of rows) {
      const previous = chains.get(row.aggregate_id) ?? Promise.resolve(true);
      const next = previous.then(async (ok) => {
        if (!ok) {
          return false;
        }
        try {
          await js.publish(row.subject, this.codec.encode(row.envelope), {
            msgID: row.id,
            timeout: PUBLISH_TIMEOUT_MS,
          });
          acked.push(row.id);
          return true;
        } catch {
          return false;
        }
      });
      chains.set(row.aggregate_id, next);
    }
    await Promise.all(chains.values());
    if (acked.length < rows.length) {
      this.logger.warn(`published ${acked.length} of ${rows.length} events; the rest wait for the broker`);
    }
    return acked;
  }

  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.options.databaseUrl });
    listener.on('notification', () => this.wake());
    // A lost LISTEN connection only slows the relay to its poll; reconnect it in the background.
    listener.on('error', () => {
      this.listener = undefined;
      if (!this.stopped) {
        setTimeout(() => void this.listen().catch(() => undefined), POLL_MS);
      }
    });
    await listener.connect();
    await listener.query(`listen ${outboxChannel(this.options.schema)}`);
    this.listener = listener;
  }
}
