import { EntityManager, EntityProperty, QueryBuilder, QueryOrder, raw } from '@mikro-orm/postgresql';
import { DEFAULT_PAGE_SIZE, DomainError, ErrorCode, Page, PageQuery } from '@rasad/contracts';
import { pgErrorCode } from './pg-errors';

/**
 * The orders a list may be read in: each sort key a caller may name, with its SQL column (`p.name` over a query
 * builder, its root alias first; the output column over raw rows), and the order when none is named. The record id
 * always breaks ties, in the same direction, so that a page boundary never falls between equal rows.
 * Sort columns are plain columns of the record: a keyset over a computed value would not use an index anyway.
 */
export interface ListOrder {
  keys: Record<string, string>;
  /** A key, `-` before it for descending; `id` (creation order: ids are UUID v7) needs no entry in `keys`. */
  natural: string;
}

/** Lists that name no order of their own come in creation order and take no `sort`. */
export const CREATION_ORDER: ListOrder = { keys: {}, natural: 'id' };

/** The filtered set as raw SQL, without order or limit: `select … from … where …`, its rows each with an `id`. */
export interface RowsQuery {
  sql: string;
  params?: unknown[];
}

interface Sort {
  /** As the caller wrote it (or the natural order): what a cursor is bound to. */
  spec: string;
  key: string;
  descending: boolean;
}

interface Cursor {
  /** The sort the page was read in. */
  s: string;
  /** The last row's sort value (absent when the sort is the id itself). */
  v?: string | number | boolean | null;
  /** The last row's id. */
  i: string;
}

const ROWS = 'listed';
const SORT_VALUE = '__sort_value';

/**
 * Keyset page over a query builder (its filters already added with `andWhere`), in `order` or creation order. The
 * cursor's value is read off the last entity, a timestamp as a JS Date to the millisecond: sort on times the app
 * writes (as every entity's are), or page the rows with `pageRows`, which reads the value back from PostgreSQL.
 */
export async function page<E extends object, V>(
  qb: QueryBuilder<E>,
  query: PageQuery,
  toView: (entity: E) => V,
  order: ListOrder = CREATION_ORDER,
): Promise<Page<V>> {
  const sort = sortOf(query, order);
  const idColumn = `${qb.alias}.id`;
  const column = sort.key === 'id' ? idColumn : order.keys[sort.key];
  const property = sort.key === 'id' ? 'id' : rootProperty(qb, column);
  const cursor = query.cursor === undefined ? undefined : readCursor(query.cursor, sort);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;

  const total = await qb.clone().getCount();
  if (cursor) {
    const after = keyset(column, idColumn, sort, cursor);
    qb.andWhere(after.sql, after.params);
  }
  const direction = sort.descending ? QueryOrder.DESC_NULLS_FIRST : QueryOrder.ASC_NULLS_LAST;
  qb.orderBy(
    column === idColumn
      ? [{ [raw(idColumn)]: direction }]
      : [{ [raw(column)]: direction }, { [raw(idColumn)]: direction }],
  );
  const rows = await cursorSafe(query, () => qb.limit(limit + 1).getResultList());
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1] as Record<string, unknown> | undefined;
  return {
    items: shown.map(toView),
    nextCursor: more && last ? writeCursor(sort, last[property], last.id as string) : null,
    total,
  };
}

/**
 * Keyset page over raw SQL rows: `rows.sql` selects the filtered set; sort keys name its output columns. The rows
 * reach `toView` as the select made them.
 */
export async function pageRows<R extends { id: string }, V>(
  em: EntityManager,
  rows: RowsQuery,
  query: PageQuery,
  toView: (row: R) => V,
  order: ListOrder = CREATION_ORDER,
): Promise<Page<V>> {
  const sort = sortOf(query, order);
  const idColumn = `${ROWS}.id`;
  const column = sort.key === 'id' ? idColumn : `${ROWS}.${order.keys[sort.key]}`;
  const cursor = query.cursor === undefined ? undefined : readCursor(query.cursor, sort);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const params = rows.params ?? [];

  const [{ total }] = await em.execute<{ total: number }[]>(
    `select count(*)::int as total from (${rows.sql}) as ${ROWS}`,
    params,
  );
  const after = cursor ? keyset(column, idColumn, sort, cursor) : { sql: 'true', params: [] };
  const direction = sort.descending ? 'desc nulls first' : 'asc nulls last';
  // The sort value is read back as text, so a cursor holds a timestamp to the microsecond, not a JS Date's millisecond.
  const found = await cursorSafe(query, () =>
    em.execute<(R & { [SORT_VALUE]: string | null })[]>(
      `select ${ROWS}.*, (${column})::text as ${SORT_VALUE} from (${rows.sql}) as ${ROWS}
       where ${after.sql} order by ${column} ${direction}, ${idColumn} ${direction} limit ?`,
      [...params, ...after.params, limit + 1],
    ),
  );
  const more = found.length > limit;
  const shown = (more ? found.slice(0, limit) : found).map(({ [SORT_VALUE]: value, ...row }) => ({ row, value }));
  const last = shown[shown.length - 1];
  return {
    items: shown.map(({ row }) => toView(row as unknown as R)),
    nextCursor: more && last ? writeCursor(sort, last.value, (last.row as unknown as R).id) : null,
    total,
  };
}

function sortOf(query: PageQuery, order: ListOrder): Sort {
  const spec = query.sort ?? order.natural;
  const descending = spec.startsWith('-');
  const key = descending ? spec.slice(1) : spec;
  const named = query.sort === undefined || Object.hasOwn(order.keys, key);
  if (!named) {
    const accepted = Object.keys(order.keys).flatMap((k) => [k, `-${k}`]);
    const message =
      accepted.length > 0
        ? `sort must be one of: ${accepted.join(', ')}`
        : 'sort is not taken by this list: it comes in creation order';
    throw new DomainError(ErrorCode.ValidationFailed, `Invalid sort: ${message}`, [{ field: 'sort', message }]);
  }
  return { spec, key, descending };
}

/** The rows after the cursor's, in the sort's direction; nulls come last ascending and first descending. */
function keyset(column: string, idColumn: string, sort: Sort, cursor: Cursor): { sql: string; params: unknown[] } {
  const beyond = sort.descending ? '<' : '>';
  if (column === idColumn) {
    return { sql: `${idColumn} ${beyond} ?`, params: [cursor.i] };
  }
  const value = cursor.v ?? null;
  if (value === null) {
    return sort.descending
      ? { sql: `(${column} is not null or ${idColumn} < ?)`, params: [cursor.i] }
      : { sql: `(${column} is null and ${idColumn} > ?)`, params: [cursor.i] };
  }
  const tie = `(${column} = ? and ${idColumn} ${beyond} ?)`;
  return sort.descending
    ? { sql: `(${column} < ? or ${tie})`, params: [value, value, cursor.i] }
    : { sql: `(${column} > ? or ${column} is null or ${tie})`, params: [value, value, cursor.i] };
}

function writeCursor(sort: Sort, value: unknown, id: string): string {
  const cursor: Cursor = { s: sort.spec, i: id };
  if (sort.key !== 'id') {
    cursor.v = value instanceof Date ? value.toISOString() : (value as Cursor['v']);
  }
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readCursor(text: string, sort: Sort): Cursor {
  let cursor: Partial<Cursor> | null = null;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    // Not ours: answered below like any other cursor that is not a nextCursor.
  }
  const value = cursor?.v;
  const wellFormed =
    typeof cursor === 'object' &&
    cursor !== null &&
    typeof cursor.s === 'string' &&
    typeof cursor.i === 'string' &&
    UUID.test(cursor.i) &&
    (value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value));
  if (!wellFormed) {
    throw cursorError('cursor must be the nextCursor of the previous page');
  }
  if (cursor!.s !== sort.spec) {
    throw cursorError(`cursor was made for sort=${cursor!.s}, not sort=${sort.spec}: start again without a cursor`);
  }
  return cursor as Cursor;
}

/** A cursor that decodes but whose value the column cannot take was not made here: the caller's mistake, not a 500. */
async function cursorSafe<T>(query: PageQuery, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (query.cursor !== undefined && pgErrorCode(error)?.startsWith('22')) {
      throw cursorError('cursor must be the nextCursor of the previous page');
    }
    throw error;
  }
}

function cursorError(message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, `Invalid cursor: ${message}`, [{ field: 'cursor', message }]);
}

/** The root entity's property whose column a sort key names, to read the cursor's value off the last entity. */
function rootProperty<E extends object>(qb: QueryBuilder<E>, column: string): string {
  const [alias, field] = column.split('.');
  const properties = Object.values<EntityProperty>(qb.mainAlias.metadata?.properties ?? {});
  const property = properties.find((prop) => prop.fieldNames?.[0] === field);
  if (alias !== qb.alias || !property) {
    throw new Error(`sort column ${column} is not a column of ${qb.alias}, the list's root`);
  }
  return property.name;
}
