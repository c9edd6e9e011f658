import { QueryBuilder } from '@mikro-orm/postgresql';
import { CallerScope, DomainError } from '@rasad/contracts';

export function inScope(scope: CallerScope, districtId: string): boolean {
  return scope.districtIds === null || scope.districtIds.includes(districtId);
}

/** Outside the caller's districts a record does not exist for them: 404, never a hint that it is there. */
export function ensureInScope(scope: CallerScope, districtId: string, entity: string, id: string): void {
  if (!inScope(scope, districtId)) {
    throw DomainError.notFound(entity, id);
  }
}

/** As a reference in a body, a record outside the caller's districts is as absent as one that never existed. */
export function ensureReferenceInScope(
  scope: CallerScope,
  districtId: string,
  field: string,
  entity: string,
  id: string,
): void {
  if (!inScope(scope, districtId)) {
    throw DomainError.referenceNotFound(field, entity, id);
  }
}

/**
 * Narrows a list to the caller's districts; `condition` is SQL in which `{districts}` stands for their ids, bound as
 * one uuid[] parameter like every id list (`p.district_id = any({districts})`). Filters added after it must use
 * `andWhere`: `where` would replace this condition and list every district's records.
 */
export function restrict<E extends object>(qb: QueryBuilder<E>, scope: CallerScope, condition: string): void {
  // `x in {districts}` would read the array as one value and fail only when a scoped caller runs it: refuse it for all.
  if (condition.split('{districts}').length - 1 !== (condition.match(/any\(\{districts\}\)/g) ?? []).length) {
    throw new Error(`restrict(): write {districts} as = any({districts}), not ${condition}`);
  }
  const ids = scope.districtIds;
  if (ids === null) {
    return;
  }
  if (ids.length === 0) {
    qb.andWhere('1 = 0');
    return;
  }
  const parts = condition.split('{districts}');
  qb.andWhere(
    parts.join('?::uuid[]'),
    parts.slice(1).map(() => uuidArray(ids)),
  );
}

/**
 * A list of ids as one PostgreSQL array literal, bound as `?::uuid[]` and read with `= any(…)`: the query builder
 * would spread a JS array into separate parameters. Ids are validated UUIDs, so they need no quoting. null stays
 * null (every district).
 */
export function uuidArray(ids: readonly string[] | null): string | null {
  return ids === null ? null : `{${ids.join(',')}}`;
}

/** Values of a validated enum (statuses, channels: plain words) as one PostgreSQL array literal, as `uuidArray`. */
export function wordArray(words: readonly string[]): string {
  return `{${words.join(',')}}`;
}
