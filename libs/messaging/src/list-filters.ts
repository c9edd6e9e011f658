import { QueryBuilder } from '@mikro-orm/postgresql';

/** What a list of things that happen over a window (duties, briefing sessions) may be filtered by. */
export interface StatusWindowQuery {
  /** Any of these statuses; `cancelled` among them lists cancelled ones too. */
  status?: readonly string[];
  includeCancelled?: boolean;
  /** Only those still going on after this instant (ISO 8601). */
  from?: string;
  /** Only those begun before this instant (ISO 8601). */
  to?: string;
}

/**
 * Narrows a list by status and by a window that overlaps [from, to): the entity's `status`, `startsAt` and `endsAt`.
 * A cancelled one is history, not a plan: listed only when the caller asks for it (`includeCancelled`, or `cancelled`
 * among the statuses).
 */
export function whereStatusAndWindow<E extends { status: string; startsAt: Date; endsAt: Date }>(
  qb: QueryBuilder<E>,
  query: StatusWindowQuery,
): void {
  const where = qb as unknown as QueryBuilder<{ status: string; startsAt: Date; endsAt: Date }>;
  if (query.status) {
    where.andWhere({ status: { $in: [...query.status] } });
  }
  if (!query.includeCancelled && !query.status?.includes('cancelled')) {
    where.andWhere({ status: { $ne: 'cancelled' } });
  }
  if (query.from) {
    where.andWhere({ endsAt: { $gt: new Date(query.from) } });
  }
  if (query.to) {
    where.andWhere({ startsAt: { $lt: new Date(query.to) } });
  }
}
