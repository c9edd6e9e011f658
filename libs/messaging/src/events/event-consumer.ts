import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { backoffMs } from '@rasad/common';
import { EVENT_STREAM, EventEnvelope, eventPayloadClassOf } from '@rasad/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JsMsg, nanos } from 'nats';
import { v7 as uuidv7 } from 'uuid';
import { fieldErrors } from '../validation.pipe';
import { EventsConnection } from './events-connection';
import { ON_EVENT } from './on-event.decorator';
import { EVENTS_OPTIONS, EventsOptions } from './outbox';

type Handler = (payload: unknown, envelope: EventEnvelope, em: unknown) => Promise<void>;

const DEFAULTS = { ackWaitMs: 30_000, maxDeliveries: 5, backoffMs: 500 };
const CONCURRENCY = 8;

/** The envelope, parsed once per message; null when the message is not JSON (it goes to dead letters). */
function envelopeOf(msg: JsMsg): EventEnvelope | null {
  try {
    return msg.json<EventEnvelope>();
  } catch {
    return null;
  }
}

/**
 * The service's durable JetStream consumer. Each event runs in one transaction with an insert of its id into
 * the inbox: a redelivered event finds its id there and is acked without running again. A failing handler is
 * retried with exponential backoff; after `maxDeliveries` the event goes to the dead-letter table.
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger('EventConsumer');
  private readonly handlers = new Map<string, Handler>();
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly settings: typeof DEFAULTS;

  constructor(
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
    private readonly connection: EventsConnection,
    private readonly orm: MikroORM,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {
    this.settings = { ...DEFAULTS, ...options.consumer };
  }

  get subjects(): string[] {
    return [...this.handlers.keys()];
  }

  handlerFor(subject: string): Handler | undefined {
    return this.handlers.get(subject);
  }

  async start(): Promise<void> {
    this.discoverHandlers();
    if (this.handlers.size === 0) {
      return;
    }
    const { jsm, js } = await this.connection.get();
    const durable = this.options.service;
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.settings.ackWaitMs),
      filter_subject: 'evt.>',
      max_ack_pending: 1000,
    };
    try {
      await jsm.consumers.info(EVENT_STREAM, durable);
      await jsm.consumers.update(EVENT_STREAM, durable, { ack_wait: config.ack_wait });
    } catch {
      await jsm.consumers.add(EVENT_STREAM, config);
    }
    const consumer = await js.consumers.get(EVENT_STREAM, durable);
    this.messages = await consumer.consume({ max_messages: 50 });
    this.loop = this.run(this.messages);
    this.logger.log({ durable, subjects: this.subjects }, 'consuming events');
  }

  /** Stops taking messages and waits for the one in hand to finish. */
  async stop(): Promise<void> {
    this.messages?.stop();
    await this.loop;
  }

  /** Applies one envelope exactly once: false when it had already been applied. */
  async apply(envelope: EventEnvelope, handler: Handler): Promise<boolean> {
    const payload = this.validPayload(envelope);
    return this.orm.em.fork().transactional(async (em) => {
      const fresh = await em.execute<{ event_id: string }[]>(
        `insert into ${this.options.schema}.inbox (event_id, subject) values (?, ?) on conflict do nothing returning event_id`,
        [envelope.id, envelope.type],
      );
      if (fresh.length === 0) {
        return false;
      }
      await handler(payload, envelope, em);
      return true;
    });
  }

  /**
   * Up to CONCURRENCY events at once, but one at a time per aggregate, in the order they arrived: a duty's
   * `changed` never overtakes its `created` here. Stopping waits for every event in hand.
   */
  private async run(messages: ConsumerMessages): Promise<void> {
    const chains = new Map<string, Promise<void>>();
    const inFlight = new Set<Promise<void>>();
    for await (const msg of messages) {
      while (inFlight.size >= CONCURRENCY) {
        await Promise.race(inFlight);
      }
      const envelope = envelopeOf(msg);
      const key = envelope?.aggregateId ?? msg.subject;
      const previous = chains.get(key) ?? Promise.resolve();
      const current = previous.then(() => this.handle(msg, envelope));
      chains.set(key, current);
      inFlight.add(current);
      void current.finally(() => {
        inFlight.delete(current);
        if (chains.get(key) === current) {
          chains.delete(key);
        }
      });
    }
    await Promise.all(inFlight);
  }

  private async handle(msg: JsMsg, envelope: EventEnvelope | null): Promise<void> {
    if (!envelope) {
      await this.deadLetter(null, msg, 'the message is not a JSON event envelope');
      return;
    }
    const handler = this.handlers.get(envelope.type);
    if (!handler) {
      msg.ack();
      return;
    }
    try {
      await this.apply(envelope, handler);
      msg.ack();
    } catch (error) {
      const deliveries = msg.info.redeliveryCount;
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof InvalidEventError || deliveries >= this.settings.maxDeliveries) {
        await this.deadLetter(envelope, msg, reason);
        return;
      }
      const delay = backoffMs(deliveries, { baseMs: this.settings.backoffMs, maxMs: 60_000 });
      this.logger.warn({ eventId: envelope.id, subject: envelope.type, deliveries, retryInMs: delay }, reason);
      msg.nak(delay);
    }
  }

  private async deadLetter(envelope: EventEnvelope | null, msg: JsMsg, error: string): Promise<void> {
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
          msg.info.redeliveryCount,
        ],
      );
      this.logger.error(
        { eventId: envelope?.id, subject: msg.subject, deliveries: msg.info.redeliveryCount },
        `dead letter: ${error}`,
      );
      msg.term(error);
    } catch (failure) {
      // Nowhere to put it right now: let JetStream bring it back later.
      this.logger.error(`could not store a dead letter: ${(failure as Error).message}`);
      msg.nak(this.settings.backoffMs);
    }
  }

  private validPayload(envelope: EventEnvelope): unknown {
    const payloadClass = eventPayloadClassOf(envelope.type);
    const payload = plainToInstance(payloadClass as new () => object, envelope.payload ?? {});
    const errors = fieldErrors(validateSync(payload));
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
        const method = instance[name] as Handler;
        const subject = this.reflector.get<string | undefined>(ON_EVENT, method);
        if (subject) {
          if (this.handlers.has(subject)) {
            throw new Error(`two handlers for ${subject} in ${this.options.service}`);
          }
          this.handlers.set(subject, method.bind(instance));
        }
      }
    }
  }
}

/** A payload that fails validation will never succeed: it goes straight to dead letters. */
export class InvalidEventError extends Error {}
