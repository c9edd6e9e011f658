import { Inject, Injectable, Logger } from '@nestjs/common';
import { PollingWorker } from '@rasad/common';
import { EventEnvelope } from '@rasad/contracts';
import { JSONCodec } from 'nats';
import { Pool } from 'pg';
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
 * broker's ack. Its loop is the shared PollingWorker: it wakes on NOTIFY and also polls. Replicas may all run it: a
 * transaction-level advisory lock lets one drain at a time, which keeps the events of each aggregate in order on the
 * stream.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly codec = JSONCodec<EventEnvelope>();
  private pool?: Pool;
  private worker?: PollingWorker;

  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
    private readonly connection: EventsConnection,
  ) {}

  async start(): Promise<void> {
    this.pool = new Pool({ connectionString: this.options.databaseUrl, max: 2 });
    this.pool.on('error', (error) => this.logger.warn(`outbox pool: ${error.message}`));
    this.worker = new PollingWorker({
      name: 'OutboxRelay',
      // A batch the broker took only part of is not full: the rest waits for the next poll, not a busy loop.
      round: () => this.relayBatch(),
      batchSize: BATCH,
      pollMs: POLL_MS,
      listen: { databaseUrl: this.options.databaseUrl, channels: [outboxChannel(this.options.schema)] },
    });
    await this.worker.start();
  }

  /** Lets the batch in hand be published and marked, then closes its connections. */
  async stop(): Promise<void> {
    await this.worker?.stop();
    await this.pool?.end();
  }

  /** One batch in commit order; how many the broker acked. */
  private async relayBatch(): Promise<number> {
    const client = await this.pool!.connect();
    try {
      await client.query('begin');
      const { rows: lock } = await client.query<{ locked: boolean }>(
        'select pg_try_advisory_xact_lock(hashtext($1)) as locked',
        [`${this.options.schema}.outbox`],
      );
      if (!lock[0].locked) {
        await client.query('rollback');
        return 0;
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
      return acked.length;
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
}
