import { QueryBuilder } from '@mikro-orm/postgresql';
import { DEFAULT_PAGE_SIZE, Page, PageQuery } from '@rasad/contracts';

/** Keyset page over a query builder whose root alias has an `id` column. */
export async function page<E extends object, V>(
  qb: QueryBuilder<E>,
  query: PageQuery,
  toView: (entity: E) => V,
): Promise<Page<V>> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const alias = qb.alias;
  if (query.cursor) {
    qb.andWhere(`${alias}.id > ?`, [query.cursor]);
  }
  const rows = await qb
    .orderBy({ id: 'asc' })
    .limit(limit + 1)
    .getResultList();
  const more = rows.length > limit;
  const items = (more ? rows.slice(0, limit) : rows).map(toView);
  return { items, nextCursor: more ? (rows[limit - 1] as unknown as { id: string }).id : null };
}
