import { Entity, JsonType, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { AuditEntryView } from '@rasad/contracts';
import { v7 as uuidv7 } from 'uuid';

/** Who did what to which record, when, with the record before and after. Written once, never changed. */
@Entity({ tableName: 'audit_log' })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = uuidv7();

  @Property({ type: 'timestamptz' })
  at: Opt<Date> = new Date();

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'text', nullable: true })
  actor: string | null = null;

  @Property({ type: 'text' })
  action: string;

  @Property({ type: 'text' })
  entity: string;

  @Property({ type: 'text', nullable: true })
  entityId: string | null = null;

  @Property({ type: JsonType, columnType: 'jsonb', nullable: true })
  before: unknown = null;

  @Property({ type: JsonType, columnType: 'jsonb', nullable: true })
  after: unknown = null;

  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;
}

export function auditEntryView(e: AuditEntry): AuditEntryView {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
  };
}
