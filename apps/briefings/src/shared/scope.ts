import { QueryBuilder } from '@mikro-orm/postgresql';
import { CallerScope, DomainError } from '@rasad/contracts';

/** The same rules as the roster's (apps/roster/src/shared/scope.ts): a district outside scope does not exist. */
export function inScope(scope: CallerScope, districtId: string): boolean {
  return scope.districtIds === null || scope.districtIds.includes(districtId);
}

export function ensureInScope(scope: CallerScope, districtId: string, entity: string, id: string): void {
  if (!inScope(scope, districtId)) {
    throw DomainError.notFound(entity, id);
  }
}

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

/** Narrows a list to the caller's districts; `column` is the SQL column holding the row's district. */
export function restrict<E extends object>(qb: QueryBuilder<E>, scope: CallerScope, column: string): void {
  const ids = scope.districtIds;
  if (ids === null) {
    return;
  }
  if (ids.length === 0) {
    qb.andWhere('1 = 0');
    return;
  }
  qb.andWhere(`${column} in (${ids.map(() => '?').join(', ')})`, ids);
}

/**
 * A list of ids as one PostgreSQL array literal: the query builder would spread a JS array into separate
 * parameters. Ids are validated UUIDs, so they need no quoting. null stays null (every district).
 */
export function uuidArray(ids: readonly string[] | null): string | null {
  return ids === null ? null : `{${ids.join(',')}}`;
}
