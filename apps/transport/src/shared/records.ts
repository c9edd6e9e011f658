import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { PgErrorCode, pgConstraint, pgErrorCode } from '@rasad/common';
import { CallerScope, DomainError, ErrorCode } from '@rasad/contracts';
import { ensureInScope, inScope } from '@rasad/messaging';

type EntityClass<T> = new (...args: never[]) => T;
type Districted = { id: string; districtId: string };

/** The record, if it lies in the caller's districts; 404 otherwise, the same answer as for one that does not exist. */
export async function findInScope<T extends Districted>(
  em: EntityManager,
  entity: EntityClass<T>,
  label: string,
  id: string,
  scope: CallerScope,
  lock = false,
): Promise<T> {
  const found = await em.findOne<T>(
    entity,
    { id } as never,
    lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
  );
  if (!found) {
    throw DomainError.notFound(label, id);
  }
  ensureInScope(scope, found.districtId, label, id);
  return found;
}

/**
 * A record named in a body: absent, outside the caller's districts or in another district than the trip's, it is
 * the same 422 naming the field.
 */
export async function findReference<T extends Districted>(
  em: EntityManager,
  entity: EntityClass<T>,
  field: string,
  label: string,
  id: string,
  scope: CallerScope,
  districtId?: string,
): Promise<T> {
  const found = await em.findOne<T>(entity, { id } as never);
  if (!found || !inScope(scope, found.districtId) || (districtId !== undefined && found.districtId !== districtId)) {
    throw DomainError.referenceNotFound(field, label, id);
  }
  return found;
}

/** A 400 naming the field. */
export function invalid(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.ValidationFailed, message, [{ field, message }]);
}

/** A unique value someone else holds: a 409 naming the field, not the holder. */
export function rethrowUniqueViolation(error: unknown, fieldsByConstraint: Record<string, string>): never {
  if (pgErrorCode(error) === PgErrorCode.uniqueViolation) {
    const field = fieldsByConstraint[pgConstraint(error) ?? ''];
    if (field) {
      const message = `${field} is already used by another record`;
      throw new DomainError(ErrorCode.Duplicate, message, [{ field, message }]);
    }
  }
  throw error;
}

/** One partial-update rule for every service. */
export { assignDefined } from '@rasad/common';
