import { Inject, Injectable, Logger } from '@nestjs/common';
import { RetentionRule, RetentionWorker } from '@rasad/common';
import { EVENT_STREAM } from '@rasad/contracts';
import { EventsConnection } from './events-connection';
import { EVENT_RETENTION_MS } from './event-stream';
import { EVENTS_OPTIONS, EventsOptions } from './outbox';

const DAY_MS = 86_400_000;

/**
 * The fewest days an inbox row must be kept. The inbox is what makes a consumer apply an event once: a row may go only
 * when no copy of its event can reach the consumer again. JetStream redelivers an unacked event within minutes of its
 * delivery, and the relay republishes only unsent rows (its duplicate window is two minutes), but a durable consumer
 * that is recreated (deleted by hand, lost with its JetStream state) starts again from the stream's first event
 * (DeliverPolicy.All), up to the stream's max age back. An event was published before it was applied, so once an inbox
 * row is older than the max age (plus a day for clocks) its event has left the stream.
 */
export function minimumInboxDays(streamMaxAgeMs = EVENT_RETENTION_MS): number {
  return Math.ceil(streamMaxAgeMs / DAY_MS) + 1;
}

/** The env check createService makes: an inbox kept for less than the stream's history could apply an event twice. */
export function inboxRetentionProblem(days: number, streamMaxAgeMs = EVENT_RETENTION_MS): string | undefined {
  const minimum = minimumInboxDays(streamMaxAgeMs);
  if (days !== 0 && days < minimum) {
    return (
      `RETENTION_INBOX_DAYS must be 0 (keep for ever) or at least ${minimum}: the stream keeps events ` +
      `${Math.round(streamMaxAgeMs / DAY_MS)} days, and a consumer recreated from its start would apply again an ` +
      'event whose inbox row had gone'
    );
  }
  return undefined;
}

/** The messaging tables every service schema carries, with the days from its env. */
export function messagingRetentionRules(schema: string, outboxDays: number, inboxDays: number): RetentionRule[] {
  return [
    // Only sent rows: `sent_at < cutoff` leaves every pending one (its index is partial on sent rows).
    { kind: 'outbox', table: `${schema}.outbox`, olderThan: 'sent_at', days: outboxDays },
    // No index on applied_at: the walk goes by event id (UUID v7, made when the event was), the age by applied_at.
    { kind: 'inbox', table: `${schema}.inbox`, olderThan: 'applied_at', walkUuidV7: 'event_id', days: inboxDays },
  ];
}

/** Every service's retention: its sent outbox rows and inbox rows, and whatever rules the service adds. */
@Injectable()
export class EventsRetention {
  private readonly logger = new Logger('Retention');
  private worker?: RetentionWorker;

  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
    private readonly connection: EventsConnection,
  ) {}

  async start(): Promise<void> {
    const retention = this.options.retention;
    if (!retention) {
      return;
    }
    const inboxDays = await this.inboxDays(retention.inboxDays);
    this.worker = new RetentionWorker({
      name: 'Retention',
      databaseUrl: this.options.databaseUrl,
      rules: [
        ...messagingRetentionRules(this.options.schema, retention.outboxDays, inboxDays),
        ...(retention.rules ?? []),
      ],
      batch: retention.batch,
      intervalMs: retention.intervalMs,
    });
    await this.worker.start();
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
  }

  /** The env was checked against the stream's definition; the live stream may have been given a longer max age. */
  private async inboxDays(configured: number): Promise<number> {
    if (configured === 0) {
      return 0;
    }
    const { jsm } = await this.connection.get();
    const maxAgeMs = (await jsm.streams.info(EVENT_STREAM)).config.max_age / 1e6;
    if (maxAgeMs === 0) {
      this.logger.warn(`${EVENT_STREAM} keeps events for ever: inbox rows are kept for ever too`);
      return 0;
    }
    const minimum = minimumInboxDays(maxAgeMs);
    if (configured < minimum) {
      this.logger.warn(
        `${EVENT_STREAM} keeps events ${Math.round(maxAgeMs / DAY_MS)} days: inbox rows are kept ${minimum} days, ` +
          `not RETENTION_INBOX_DAYS=${configured}`,
      );
      return minimum;
    }
    return configured;
  }
}
