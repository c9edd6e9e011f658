import { Entity, JsonType, PrimaryKey, Property } from '@mikro-orm/core';
import { EventEnvelope } from '@rasad/contracts';

/** A row of the service's outbox: written in the same transaction as the change it reports. */
@Entity({ tableName: 'outbox' })
export class OutboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text' })
  subject: string;

  @Property({ type: 'text' })
  aggregateId: string;

  @Property({ type: JsonType, columnType: 'jsonb' })
  envelope: EventEnvelope;

  /** The W3C `traceparent` it was recorded in (null when tracing is off); the relay puts it on the message. */
  @Property({ type: 'text', nullable: true })
  traceContext: string | null;

  constructor(envelope: EventEnvelope, traceContext: string | null = null) {
    this.id = envelope.id;
    this.traceContext = traceContext;
    this.subject = envelope.type;
    this.aggregateId = envelope.aggregateId;
    this.envelope = envelope;
  }
}
