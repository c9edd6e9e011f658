import { Inject, Injectable, Logger } from '@nestjs/common';
import { SpanStatusCode } from '@opentelemetry/api';
import {
  PollingWorker,
  ServiceMetrics,
  SpanKind,
  TRACEPARENT,
  Tracing,
  contextFromTraceparent,
  perScrape,
  traceparentOf,
} from '@rasad/common';
import { EventEnvelope } from '@rasad/contracts';
import { JSONCodec, MsgHdrs, headers as natsHeaders } from 'nats';
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
  trace_context: string | null;
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

  private readonly relayed;
  private readonly relayLag;

  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
    private readonly connection: EventsConnection,
    private readonly metrics: ServiceMetrics,
    private readonly tracing: Tracing,
  ) {
    this.relayed = metrics.counter('rasad_outbox_relayed_total', 'Events published to JetStream and marked sent');
    this.relayLag = metrics.histogram(
      'rasad_outbox_relay_lag_seconds',
      'From an event being recorded to the broker acknowledging it',
      [],
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    );
  }

  async start(): Promise<void> {
    const pool = new Pool({ connectionString: this.options.databaseUrl, max: 2 });
    this.pool = pool;
    this.pool.on('error', (error) => this.logger.warn(`outbox pool: ${error.message}`));
    this.observeBacklog(pool);
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
        `select id, subject, aggregate_id, envelope, trace_context from ${this.options.schema}.outbox
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
        const span = this.publishSpan(row);
        try {
          await js.publish(row.subject, this.codec.encode(row.envelope), {
            msgID: row.id,
            timeout: PUBLISH_TIMEOUT_MS,
            headers: this.traceHeaders(row),
          });
          acked.push(row.id);
          this.relayLag.observe((Date.now() - Date.parse(row.envelope.occurredAt)) / 1000);
          span?.end();
          return true;
        } catch (error) {
          span?.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          span?.end();
          return false;
        }
      });
      chains.set(row.aggregate_id, next);
    }
    await Promise.all(chains.values());
    this.relayed.inc(acked.length);
    if (acked.length < rows.length) {
      this.logger.warn(`published ${acked.length} of ${rows.length} events; the rest wait for the broker`);
    }
    return acked;
  }

  /** A producer span for a row recorded in a trace (tracing on): the message then carries the span's context. */
  private publishSpan(row: PendingRow) {
    if (!row.trace_context || !this.tracing.enabled) {
      return undefined;
    }
    const span = this.tracing.start(
      `${row.subject} publish`,
      SpanKind.PRODUCER,
      contextFromTraceparent(row.trace_context),
      { 'messaging.system': 'nats', 'messaging.destination.name': row.subject, 'messaging.message.id': row.id },
    );
    row.trace_context = traceparentOf(span) ?? row.trace_context;
    return span;
  }

  private traceHeaders(row: PendingRow): MsgHdrs | undefined {
    if (!row.trace_context) {
      return undefined;
    }
    const headers = natsHeaders();
    headers.set(TRACEPARENT, row.trace_context);
    return headers;
  }

  /** Backlog and relay lag, read when scraped: events not yet sent, and how long the oldest of them has waited. */
  private observeBacklog(pool: Pool): void {
    const backlog = perScrape(async () => {
      const { rows } = await pool.query<{ pending: number; oldest: number | null }>(
        `select count(*)::int as pending, extract(epoch from now() - min(created_at))::float8 as oldest
         from ${this.options.schema}.outbox where sent_at is null`,
      );
      return rows[0];
    });
    this.metrics.gauge('rasad_outbox_pending_events', 'Events recorded and not yet published', [], async (gauge) => {
      gauge.set((await backlog()).pending);
    });
    this.metrics.gauge(
      'rasad_outbox_oldest_pending_seconds',
      'Age of the oldest event not yet published (0 when none waits): the relay lag',
      [],
      async (gauge) => gauge.set((await backlog()).oldest ?? 0),
    );
    this.metrics.poolGauge('relay', () => ({
      used: pool.totalCount - pool.idleCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }));
  }
}
