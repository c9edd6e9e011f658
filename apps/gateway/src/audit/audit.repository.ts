import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, RetentionRule, page } from '@rasad/common';
import { AuditEntryView, ListAuditQuery, Page } from '@rasad/contracts';
import { AuditEntry, auditEntryView } from './audit-entry.entity';
import { maskPersonalData } from './personal-data';

/** Audit entries go after `days`, by when they were written, walked by their id (UUID v7, made at the same time). */
export function auditRetention(days: number): RetentionRule {
  return { kind: 'audit', table: 'gateway.audit_log', olderThan: 'at', walkUuidV7: 'id', days };
}

const AUDIT_ORDER: ListOrder = { keys: { at: 'a.at' }, natural: '-at' };

/** The audit log's list: newest first, a filter on each field an admin asks about, and a period. */
@Injectable()
export class AuditRepository {
  constructor(private readonly em: EntityManager) {}

  list(query: ListAuditQuery): Promise<Page<AuditEntryView>> {
    const qb = this.em.createQueryBuilder(AuditEntry, 'a');
    for (const field of ['actor', 'entity', 'entityId', 'action'] as const) {
      if (query[field]) {
        qb.andWhere({ [field]: query[field] });
      }
    }
    if (query.since) {
      qb.andWhere({ at: { $gte: new Date(query.since) } });
    }
    if (query.until) {
      qb.andWhere({ at: { $lt: new Date(query.until) } });
    }
    // Masked again on the way out: rows written before images were masked still hold them in full.
    return page(qb, query, (row) => maskPersonalData(auditEntryView(row)) as AuditEntryView, AUDIT_ORDER);
  }
}
