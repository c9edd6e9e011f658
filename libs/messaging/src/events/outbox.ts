import { RetentionRule } from '@rasad/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { EventEnvelope, EventMap, EventSubject } from '@rasad/contracts';
import { v7 as uuidv7 } from 'uuid';
import { currentRequestId } from '../request-context';
import { OutboxMessage } from './outbox-message.entity';

export const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');

export interface EventsOptions {
  /** The producing service, e.g. `roster`; also its schema and its durable consumer's name. */
  service: string;
  schema: string;
  databaseUrl: string;
  nats: { url: string; user?: string; pass?: string };
  streamReplicas?: number;
  /** Redelivery and dead-lettering of the service's own handlers. */
  consumer?: { ackWaitMs?: number; maxDeliveries?: number; backoffMs?: number };
  /** Purging of sent outbox rows, inbox rows and the service's own `rules` (events-retention.ts); none when absent. */
  retention?: {
    outboxDays: number;
    inboxDays: number;
    batch: number;
    intervalMs: number;
    rules?: RetentionRule[];
  };
}

export type NewEvent<S extends EventSubject = EventSubject> = {
  subject: S;
  aggregateId: string;
  payload: EventMap[S];
};

/**
 * Records events in the service's outbox through the caller's EntityManager, so they are written by the same
 * flush, in the same transaction, as the change they report; a failed change leaves no event behind.
 */
@Injectable()
export class Outbox {
  constructor(@Inject(EVENTS_OPTIONS) private readonly options: EventsOptions) {}

  record<S extends EventSubject>(em: EntityManager, subject: S, aggregateId: string, payload: EventMap[S]): void {
    em.persist(new OutboxMessage(this.envelope({ subject, aggregateId, payload })));
  }

  /** For set-based writes in raw SQL: inserts many events with one statement on the given transaction. */
  async insertMany(em: EntityManager, events: NewEvent[]): Promise<void> {
    if (events.length === 0) {
      return;
    }
    const envelopes = events.map((event) => this.envelope(event));
    await em.execute(
      `insert into ${this.options.schema}.outbox (id, subject, aggregate_id, envelope)
       select (e->>'id')::uuid, e->>'type', e->>'aggregateId', e from jsonb_array_elements(?::jsonb) e`,
      [JSON.stringify(envelopes)],
    );
  }

  private envelope<S extends EventSubject>({ subject, aggregateId, payload }: NewEvent<S>): EventEnvelope<EventMap[S]> {
    return {
      id: uuidv7(),
      type: subject,
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: this.options.service,
      correlationId: currentRequestId(),
      aggregateId,
      payload,
    };
  }
}
