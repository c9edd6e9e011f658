import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditEntryView, ListAuditQuery, Page } from '@rasad/contracts';
import { currentRequestId } from '@rasad/messaging';
import { ListOrder, page } from '@rasad/common';
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

const AUDIT_ORDER: ListOrder = { keys: { at: 'a.at' }, natural: '-at' };

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

  /** Newest first; a filter on each field an admin asks about, and a period. */
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
