import { ensureInScope } from '@rasad/messaging';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { CallerScope, DomainError } from '@rasad/contracts';
import { BriefingSession } from './briefing-session.entity';

/**
 * The session, if it exists in the caller's districts; 404 otherwise. With `lock`, its row is locked until the
 * transaction ends: every change to its seats goes through that row, so holders of the lock see the true count.
 */
export async function findSession(
  em: EntityManager,
  id: string,
  scope: CallerScope,
  lock = false,
): Promise<BriefingSession> {
  const session = await em.findOne(
    BriefingSession,
    { id },
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
  );
  if (!session) {
    throw DomainError.notFound('briefing', id);
  }
  ensureInScope(scope, session.districtId, 'briefing', id);
  return session;
}
