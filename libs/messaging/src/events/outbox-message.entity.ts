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

  constructor(envelope: EventEnvelope) {
    this.id = envelope.id;
    this.subject = envelope.type;
    this.aggregateId = envelope.aggregateId;
    this.envelope = envelope;
  }
}
