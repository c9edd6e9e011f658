import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditEntryView, ListAuditQuery, Page } from '@rasad/contracts';
import { currentRequestId } from '@rasad/messaging';
import { Caller } from '../auth/auth.decorators';
import { AuditEntry, auditEntryView } from './audit-entry.entity';
import { maskPersonalData } from './personal-data';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | null;
  actor?: Pick<Caller, 'id' | 'username'> | null;
  before?: unknown;
  after?: unknown;
}

@Injectable()
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Written on its own connection: an audit row must not depend on, or be rolled back with, anything else. The
   * images keep who changed what, never a CNIC or phone in full: the log is read by more people, for longer.
   */
  async record(entry: AuditRecord): Promise<void> {
    const em = this.em.fork();
    em.create(AuditEntry, {
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      actorId: entry.actor?.id ?? null,
      actor: entry.actor?.username ?? null,
      before: maskPersonalData(entry.before ?? null),
      after: maskPersonalData(entry.after ?? null),
      requestId: currentRequestId(),
    });
    await em.flush();
  }

  async list(query: ListAuditQuery): Promise<Page<AuditEntryView>> {
    const limit = query.limit ?? 50;
    const where: Record<string, unknown> = {};
    if (query.actor) {
      where.actor = query.actor;
    }
    if (query.entity) {
      where.entity = query.entity;
    }
    if (query.entityId) {
      where.entityId = query.entityId;
    }
    if (query.action) {
      where.action = query.action;
    }
    if (query.since || query.until) {
      where.at = {
        ...(query.since && { $gte: new Date(query.since) }),
        ...(query.until && { $lt: new Date(query.until) }),
      };
    }
    if (query.cursor) {
      where.id = { $lt: query.cursor };
    }
    const rows = await this.em.find(AuditEntry, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    // Masked again on the way out: rows written before images were masked still hold them in full.
    const items = rows.slice(0, limit).map((row) => maskPersonalData(auditEntryView(row)) as AuditEntryView);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
