import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Span } from '@opentelemetry/api';
import { SpanStatusCode } from '@opentelemetry/api';
import {
  ServiceMetrics,
  SpanKind,
  TRACEPARENT,
  Tracing,
  backoffMs,
  contextFromTraceparent,
  perScrape,
} from '@rasad/common';
import { ConsumerStatusView, EVENT_STREAM, EventEnvelope, eventPayloadClassOf } from '@rasad/contracts';
import { plainToInstance } from 'class-transformer';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JsMsg, nanos } from 'nats';
import { v7 as uuidv7 } from 'uuid';
import { redactPersonalData } from '../rpc-exception.filter';
import { fieldErrors } from '../validation.pipe';
import { payloadErrors } from './payload-check';
import { EventsConnection } from './events-connection';
import { Delivery, EventBatchHandlerFn, EventHandler, EventHandlerFn, InboxBatch, batchHandler } from './inbox-batch';
import { ON_EVENT, ON_EVENT_BATCH } from './on-event.decorator';
import { EVENTS_OPTIONS, EventsOptions } from './outbox';

const DEFAULTS = {
  ackWaitMs: 30_000,
  maxDeliveries: 5,
  backoffMs: 500,
  batchSize: 500,
  batchBudgetMs: 1000,
  partitions: 4,
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The envelope, parsed once per message; null when the message is not an event envelope (it goes to dead letters). */
function envelopeOf(msg: JsMsg): EventEnvelope | null {
  try {
    const envelope = msg.json<EventEnvelope>();
    return typeof envelope?.id === 'string' && UUID.test(envelope.id) && typeof envelope.type === 'string'
      ? envelope
      : null;
  } catch {
    return null;
  }
}

/** FNV-1a of the aggregate id: the same aggregate always lands in the same partition. */
function partitionOf(aggregateId: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < aggregateId.length; i++) {
    hash = Math.imul(hash ^ aggregateId.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0) % partitions;
}

const deliveriesOf = (d: Delivery<JsMsg>) => Math.max(...d.copies.map((msg) => msg.info.redeliveryCount));

/**
 * The service's durable JetStream consumer. Messages are pulled as they come and applied in batches: each batch is
 * one transaction with its inbox rows (see InboxBatch), handlers in arrival order, one batch at a time, so events
 * of one aggregate apply in the order they were published. A redelivered event finds its id in the inbox and is
 * acked without running again. A failing handler is retried with exponential backoff; after `maxDeliveries`, or at
 * once for a payload that fails validation, the event goes to the dead-letter table.
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger('EventConsumer');
  private readonly handlers = new Map<string, EventHandler>();
  private readonly settings: typeof DEFAULTS;
  private readonly batch: InboxBatch;
  private messages?: ConsumerMessages;
  private loops?: Promise<void>;
  private stopping = false;
  /** Pulled, not yet in a batch, in arrival order. */
  private buffer: JsMsg[] = [];
  private inHand: JsMsg[] = [];
  private wake?: () => void;
  private heartbeat?: NodeJS.Timeout;
  /** Events waiting out their backoff, by id, with when they occurred: part of the lag. */
  private readonly retrying = new Map<string, number>();
  private lastAppliedAt: Date | null = null;
  private lastEventOccurredAt: string | null = null;
  private readonly applied;
  private readonly deadLettered;
  private readonly batchDuration;
  private readonly applyLag;

  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
    private readonly connection: EventsConnection,
    private readonly orm: MikroORM,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly metrics: ServiceMetrics,
    private readonly tracing: Tracing,
  ) {
    this.settings = { ...DEFAULTS, ...options.consumer };
    this.batch = new InboxBatch(orm, options.schema);
    this.applied = metrics.counter('rasad_events_applied_total', 'Events applied by this consumer', ['subject']);
    this.deadLettered = metrics.counter('rasad_events_dead_lettered_total', 'Events put in dead letters', ['subject']);
    this.batchDuration = metrics.histogram(
      'rasad_event_batch_duration_seconds',
      'Time to apply one partition of a batch of events, in its transaction',
    );
    this.applyLag = metrics.histogram(
      'rasad_event_apply_lag_seconds',
      'From an event occurring in its producer to this consumer committing it',
      [],
      [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
    );
    this.observeStatus();
  }

  get subjects(): string[] {
    return [...this.handlers.keys()];
  }

  handlerFor(subject: string): EventHandler | undefined {
    return this.handlers.get(subject);
  }

  async start(): Promise<void> {
    this.discoverHandlers();
    if (this.handlers.size === 0) {
      return;
    }
    const { jsm, js } = await this.connection.get();
    const durable = this.options.service;
    // Room for the batch in hand, the next one pulled meanwhile, and some.
    const maxAckPending = this.settings.batchSize * 4;
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.settings.ackWaitMs),
      filter_subject: 'evt.>',
      max_ack_pending: maxAckPending,
    };
    try {
      await jsm.consumers.info(EVENT_STREAM, durable);
      await jsm.consumers.update(EVENT_STREAM, durable, { ack_wait: config.ack_wait, max_ack_pending: maxAckPending });
    } catch {
      await jsm.consumers.add(EVENT_STREAM, config);
    }
    const consumer = await js.consumers.get(EVENT_STREAM, durable);
    this.messages = await consumer.consume({ max_messages: this.settings.batchSize });
    // Everything pulled is held here, not in the client: while it waits for its batch it is kept from redelivery.
    this.heartbeat = setInterval(() => this.keepHeld(), this.settings.ackWaitMs / 3);
    this.loops = Promise.all([this.pull(this.messages), this.work()]).then(() => undefined);
    this.logger.log({ durable, subjects: this.subjects }, 'consuming events');
  }

  /** Stops pulling, lets the batch in hand commit what it has started, and gives back the rest for redelivery. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.messages?.stop();
    this.wake?.();
    await this.loops;
    clearInterval(this.heartbeat);
  }

  /** Applies one envelope exactly once, in a transaction of its own: false when it had already been applied. */
  async apply(envelope: EventEnvelope, handler: EventHandler): Promise<boolean> {
    const delivery = { envelope, payload: this.validPayload(envelope), handler, copies: [] };
    const outcome = await this.batch.apply([delivery], { budgetMs: Infinity, stopping: () => false });
    if (outcome.failed.length > 0) {
      throw outcome.failed[0].error;
    }
    this.countApplied(outcome.applied);
    return outcome.applied.length > 0;
  }

  /** How far behind the stream this service is: events not yet applied, and the age of the oldest of them. */
  async status(): Promise<ConsumerStatusView> {
    let pending = 0;
    if (this.handlers.size > 0) {
      const { jsm } = await this.connection.get();
      const info = await jsm.consumers.info(EVENT_STREAM, this.options.service);
      pending = info.num_pending + info.num_ack_pending;
    }
    const held = [this.inHand[0], this.buffer[0]].map((msg) =>
      msg ? Date.parse(envelopeOf(msg)?.occurredAt ?? '') : NaN,
    );
    const oldest = Math.min(...[...held, ...this.retrying.values()].filter((t) => !Number.isNaN(t)));
    return {
      service: this.options.service,
      pending,
      lastAppliedAt: this.lastAppliedAt?.toISOString() ?? null,
      lastEventOccurredAt: this.lastEventOccurredAt,
      secondsBehind:
        pending > 0 && Number.isFinite(oldest) ? Math.max(0, Math.round((Date.now() - oldest) / 100) / 10) : 0,
    };
  }

  /** For answers built on this service's projections: null when caught up, or when the broker cannot say. */
  async lag(): Promise<{ pending: number; secondsBehind: number } | null> {
    try {
      const { pending, secondsBehind } = await this.status();
      return pending > 0 ? { pending, secondsBehind: Math.round(secondsBehind) } : null;
    } catch {
      return null;
    }
  }

  private async pull(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      if (this.stopping) {
        msg.nak();
        continue;
      }
      this.buffer.push(msg);
      this.wake?.();
    }
  }

  /** One batch at a time: whatever has arrived, up to `batchSize`; under a burst, what arrived during the last one. */
  private async work(): Promise<void> {
    while (!this.stopping) {
      if (this.buffer.length === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      this.inHand = this.buffer.splice(0, this.settings.batchSize);
      const deliveries = await this.prepare(this.inHand);
      if (deliveries.length > 0) {
        await this.applyBatch(deliveries);
      }
      this.inHand = [];
    }
    // Not started: another replica, or this one when it is back, takes them at once.
    this.buffer.splice(0).forEach((msg) => msg.nak());
  }

  /** Parses and validates each message; what cannot run is acked or dead-lettered here, copies of one event merged. */
  private async prepare(messages: JsMsg[]): Promise<Delivery<JsMsg>[]> {
    const byId = new Map<string, Delivery<JsMsg>>();
    for (const msg of messages) {
      // The durable reads the whole stream (one filter, `evt.>`): an event of a subject no handler here takes is acked
      // unread, its JSON never parsed (readiness would otherwise parse back every verdict it publishes).
      if (!this.handlers.has(msg.subject)) {
        msg.ack();
        continue;
      }
      const envelope = envelopeOf(msg);
      if (!envelope) {
        await this.deadLetter(null, [msg], 'the message is not a JSON event envelope');
        continue;
      }
      const handler = this.handlers.get(envelope.type);
      if (!handler) {
        msg.ack();
        continue;
      }
      const known = byId.get(envelope.id.toLowerCase());
      if (known) {
        known.copies.push(msg);
        continue;
      }
      try {
        byId.set(envelope.id.toLowerCase(), { envelope, payload: this.validPayload(envelope), handler, copies: [msg] });
      } catch (error) {
        await this.deadLetter(envelope, [msg], (error as Error).message);
      }
    }
    return [...byId.values()];
  }

  /**
   * Aggregates are spread over `partitions` transactions applied side by side, each on its own connection: one
   * aggregate's events stay in one of them, in arrival order, and the database's round trips overlap.
   */
  private async applyBatch(deliveries: Delivery<JsMsg>[]): Promise<void> {
    const partitions = new Map<number, Delivery<JsMsg>[]>();
    for (const delivery of deliveries) {
      const key = partitionOf(delivery.envelope.aggregateId ?? delivery.envelope.id, this.settings.partitions);
      const part = partitions.get(key);
      if (part) {
        part.push(delivery);
      } else {
        partitions.set(key, [delivery]);
      }
    }
    const left = new Set((await Promise.all([...partitions.values()].map((part) => this.applyPart(part)))).flat());
    const rest = deliveries.filter((delivery) => left.has(delivery)).flatMap((delivery) => delivery.copies);
    if (this.stopping) {
      rest.forEach((msg) => msg.nak());
    } else {
      this.buffer.unshift(...rest);
    }
  }

  /** Applies one partition's events, acks or retries each; answers those it did not start. */
  private async applyPart(deliveries: Delivery<JsMsg>[]): Promise<Delivery<JsMsg>[]> {
    const started = performance.now();
    if (this.tracing.enabled) {
      this.startSpans(deliveries);
    }
    try {
      const { applied, duplicates, failed, left } = await this.batch.apply(deliveries, {
        budgetMs: this.settings.batchBudgetMs,
        stopping: () => this.stopping,
      });
      this.batchDuration.observe((performance.now() - started) / 1000);
      for (const { envelope, copies } of [...applied, ...duplicates]) {
        copies.forEach((msg) => msg.ack());
        this.retrying.delete(envelope.id);
      }
      if (applied.length > 0) {
        this.lastAppliedAt = new Date();
        this.lastEventOccurredAt = applied[applied.length - 1].envelope.occurredAt;
        this.countApplied(applied);
      }
      for (const { delivery, error } of failed) {
        await this.retryOrDeadLetter(delivery, error);
      }
      if (this.tracing.enabled) {
        this.endSpans(applied, 'applied');
        this.endSpans(duplicates, 'duplicate');
        this.endSpans(left, 'left for the next batch');
        failed.forEach(({ delivery, error }) => this.endSpans([delivery], 'failed', error));
      }
      return left;
    } catch (error) {
      if (this.tracing.enabled) {
        this.endSpans(deliveries, 'failed', error);
      }
      // The batch itself failed (database unreachable, a deadlock on the inbox): every event of it is retried.
      this.logger.warn(
        `a batch of ${deliveries.length} events failed: ${redactPersonalData((error as Error).message)}`,
      );
      for (const delivery of deliveries) {
        await this.retryOrDeadLetter(delivery, error);
      }
      return [];
    }
  }

  private async retryOrDeadLetter(delivery: Delivery<JsMsg>, error: unknown): Promise<void> {
    const { envelope, copies } = delivery;
    const deliveries = deliveriesOf(delivery);
    // The driver quotes a failing statement with its values (a phone): the log line and the dead letter keep none.
    const reason = redactPersonalData(error instanceof Error ? error.message : String(error));
    if (error instanceof InvalidEventError || deliveries >= this.settings.maxDeliveries) {
      this.retrying.delete(envelope.id);
      await this.deadLetter(envelope, copies, reason);
      return;
    }
    const delay = backoffMs(deliveries, { baseMs: this.settings.backoffMs, maxMs: 60_000 });
    this.logger.warn({ eventId: envelope.id, subject: envelope.type, deliveries, retryInMs: delay }, reason);
    this.retrying.set(envelope.id, Date.parse(envelope.occurredAt));
    copies.forEach((msg) => msg.nak(delay));
  }

  private async deadLetter(envelope: EventEnvelope | null, copies: JsMsg[], error: string): Promise<void> {
    const [msg] = copies;
    const deliveries = Math.max(...copies.map((copy) => copy.info.redeliveryCount));
    try {
      await this.orm.em.fork().execute(
        `insert into ${this.options.schema}.dead_letter (id, event_id, subject, envelope, error, deliveries)
         values (?, ?, ?, ?::jsonb, ?, ?)
         on conflict (event_id) where replayed_at is null do nothing`,
        [
          uuidv7(),
          envelope?.id ?? uuidv7(),
          envelope?.type ?? msg.subject,
          JSON.stringify(envelope ?? { raw: msg.string() }),
          error,
          deliveries,
        ],
      );
      this.logger.error({ eventId: envelope?.id, subject: msg.subject, deliveries }, `dead letter: ${error}`);
      this.deadLettered.inc({ subject: envelope?.type ?? msg.subject });
      copies.forEach((copy) => copy.term(error));
    } catch (failure) {
      // Nowhere to put it right now: let JetStream bring it back later.
      this.logger.error(`could not store a dead letter: ${redactPersonalData((failure as Error).message)}`);
      copies.forEach((copy) => copy.nak(this.settings.backoffMs));
    }
  }

  /** Messages held for a later batch tell JetStream they are being worked on, so it does not send them again. */
  private keepHeld(): void {
    for (const msg of [...this.inHand, ...this.buffer]) {
      msg.working();
    }
  }

  /** Per subject, one increment per batch rather than per event. */
  private countApplied(applied: Delivery<unknown>[]): void {
    const now = Date.now();
    const bySubject = new Map<string, number>();
    for (const { envelope } of applied) {
      bySubject.set(envelope.type, (bySubject.get(envelope.type) ?? 0) + 1);
      this.applyLag.observe((now - Date.parse(envelope.occurredAt)) / 1000);
    }
    for (const [subject, count] of bySubject) {
      this.applied.inc({ subject }, count);
    }
  }

  /**
   * A consumer span per event (tracing on), child of the context its message carries, so that one trace runs from
   * the request that caused an event to each service applying it; a handler given that event alone runs in it.
   */
  private startSpans(deliveries: Delivery<JsMsg>[]): void {
    for (const delivery of deliveries) {
      const traceparent = delivery.copies[0]?.headers?.get(TRACEPARENT);
      delivery.span = this.tracing.start(
        `${delivery.envelope.type} process`,
        SpanKind.CONSUMER,
        contextFromTraceparent(traceparent),
        {
          'messaging.system': 'nats',
          'messaging.destination.name': delivery.envelope.type,
          'messaging.message.id': delivery.envelope.id,
          'messaging.consumer.group.name': this.options.service,
          'messaging.batch.message_count': deliveries.length,
        },
      );
    }
  }

  private endSpans(deliveries: Delivery<JsMsg>[], outcome: string, error?: unknown): void {
    for (const delivery of deliveries) {
      const span: Span | undefined = delivery.span;
      if (!span) {
        continue;
      }
      span.setAttribute('rasad.outcome', outcome);
      if (error !== undefined) {
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: redactPersonalData(error instanceof Error ? error.message : 'handler failed'),
        });
      }
      span.end();
      delivery.span = undefined;
    }
  }

  /** Lag and open dead letters, read when scraped. */
  private observeStatus(): void {
    const status = perScrape(() => this.status());
    this.metrics.gauge(
      'rasad_consumer_pending_events',
      'Events on the stream this consumer has not yet applied',
      [],
      async (gauge) => {
        if (this.handlers.size > 0) {
          gauge.set((await status()).pending);
        }
      },
    );
    this.metrics.gauge(
      'rasad_consumer_seconds_behind',
      'Age of the oldest event this consumer holds unapplied (0 when caught up)',
      [],
      async (gauge) => {
        if (this.handlers.size > 0) {
          gauge.set((await status()).secondsBehind);
        }
      },
    );
    this.metrics.gauge(
      'rasad_dead_letters_open',
      'Dead letters not yet replayed, by subject',
      ['subject'],
      async (gauge) => {
        const rows = await this.orm.em.fork().execute<{ subject: string; open: number }[]>(
          `select subject, count(*)::int as open from ${this.options.schema}.dead_letter
             where replayed_at is null group by subject`,
        );
        rows.forEach(({ subject, open }) => gauge.set({ subject }, open));
      },
    );
  }

  private validPayload(envelope: EventEnvelope): unknown {
    const payloadClass = eventPayloadClassOf(envelope.type);
    const payload = plainToInstance(payloadClass as new () => object, envelope.payload ?? {});
    const errors = fieldErrors(payloadErrors(payload));
    if (errors.length > 0) {
      throw new InvalidEventError(`invalid ${envelope.type} payload: ${errors.map((e) => e.message).join('; ')}`);
    }
    return payload;
  }

  private discoverHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') {
        continue;
      }
      for (const name of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const method = instance[name] as EventHandlerFn & EventBatchHandlerFn;
        const each = this.reflector.get<string[] | undefined>(ON_EVENT, method) ?? [];
        const batch = this.reflector.get<string[] | undefined>(ON_EVENT_BATCH, method) ?? [];
        // One object per method: a batch handler's runs may mix the subjects it takes (registered and updated).
        const handler = batch.length > 0 ? batchHandler(method.bind(instance)) : { each: method.bind(instance) };
        for (const subject of [...each, ...batch]) {
          if (this.handlers.has(subject)) {
            throw new Error(`two handlers for ${subject} in ${this.options.service}`);
          }
          this.handlers.set(subject, handler);
        }
      }
    }
  }
}

/** A payload that fails validation will never succeed: it goes straight to dead letters. */
export class InvalidEventError extends Error {}
