import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditEntryView, ListAuditQuery, Page } from '@rasad/contracts';
import { currentRequestId } from '@rasad/messaging';
import { Caller } from '../auth/auth.decorators';
import { AuditEntry } from './audit-entry.entity';
import { AuditRepository } from './audit.repository';
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
  constructor(
    private readonly em: EntityManager,
    private readonly entries: AuditRepository,
  ) {}

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
    return this.entries.list(query);
  }
}
