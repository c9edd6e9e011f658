import { EntityManager } from '@mikro-orm/postgresql';
import { CallerScope, DomainError, ErrorCode } from '@rasad/contracts';
import { inScope } from '@rasad/messaging';
import { PgErrorCode, pgConstraint, pgErrorCode } from '@rasad/common';

type EntityClass<T> = new (...args: never[]) => T;

export async function findOrFail<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  label: string,
  id: string,
): Promise<T> {
  const found: T | null = await em.findOne<T>(entity, { id } as never);
  if (!found) {
    throw DomainError.notFound(label, id);
  }
  return found;
}

/** A referenced record named in a request body: its absence is the caller's mistake in that field. */
export async function findReference<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  field: string,
  label: string,
  id: string,
): Promise<T> {
  const found: T | null = await em.findOne<T>(entity, { id } as never);
  if (!found) {
    throw DomainError.referenceNotFound(field, label, id);
  }
  return found;
}

/** A unique value someone else holds; it names neither the holder nor where they are. */
export const alreadyUsed = (field: string) => `${field} is already used by another record`;

/** Unique-key clashes become 409s naming the field; anything else is rethrown untouched. */
export function rethrowUniqueViolation(error: unknown, fieldsByConstraint: Record<string, string>): never {
  if (pgErrorCode(error) === PgErrorCode.uniqueViolation) {
    const constraint = pgConstraint(error) ?? '';
    const field = fieldsByConstraint[constraint] ?? 'code';
    throw new DomainError(ErrorCode.Duplicate, alreadyUsed(field), [{ field, message: alreadyUsed(field) }]);
  }
  throw error;
}

/** One partial-update rule for every service. */
export { assignDefined } from '@rasad/common';

type Districted = { districtId: string };

/** The record, if it exists and lies in the caller's districts; 404 otherwise, the same answer for both. */
export async function findInScope<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  label: string,
  id: string,
  scope: CallerScope,
  districtOf: (record: T) => string = (record) => (record as unknown as Districted).districtId,
): Promise<T> {
  const found = await findOrFail(em, entity, label, id);
  if (!inScope(scope, districtOf(found))) {
    throw DomainError.notFound(label, id);
  }
  return found;
}

/** A referenced record in a body: absent or outside the caller's districts, it is the same 422. */
export async function findReferenceInScope<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  field: string,
  label: string,
  id: string,
  scope: CallerScope,
  districtOf: (record: T) => string = (record) => (record as unknown as Districted).districtId,
): Promise<T> {
  const found = await findReference(em, entity, field, label, id);
  if (!inScope(scope, districtOf(found))) {
    throw DomainError.referenceNotFound(field, label, id);
  }
  return found;
}
