import { PgErrorCode, pgConstraint, pgErrorCode } from '@rasad/common';
import { DomainError, ErrorCode } from '@rasad/contracts';

export const CAPACITY_CONSTRAINT = 'kitchen_slot_within_capacity';

// PostgreSQL's detail of a check violation: "Failing row contains (<kitchen>, <date>, <slot>, <planned>, <capacity>)."
const FAILING_ROW = /\(([0-9a-f-]{36}), (\d{4}-\d{2}-\d{2}), ([a-z_]+), (-?\d+), (\d+)\)/;

function detailOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const detail = (error as { detail?: unknown }).detail;
  return typeof detail === 'string' ? detail : detailOf((error as { previous?: unknown }).previous);
}

/**
 * The database refused a write that would plan more meals at a kitchen for one slot than it can cook: a 409 naming
 * the kitchen and the slot (read from the refused row), or undefined for any other error.
 */
export function capacityConflict(error: unknown, kitchenNames: ReadonlyMap<string, string>): DomainError | undefined {
  if (pgErrorCode(error) !== PgErrorCode.checkViolation || pgConstraint(error) !== CAPACITY_CONSTRAINT) {
    return undefined;
  }
  const row = FAILING_ROW.exec(detailOf(error) ?? '');
  if (!row) {
    return kitchenFull('', 'unknown', '', '', 0, 0);
  }
  const [, kitchenId, date, slot, planned, capacity] = row;
  return kitchenFull(
    kitchenId,
    kitchenNames.get(kitchenId) ?? kitchenId,
    date,
    slot,
    Number(planned),
    Number(capacity),
  );
}

export function kitchenFull(
  kitchenId: string,
  kitchenName: string,
  date: string,
  slot: string,
  planned: number,
  capacity: number,
): DomainError {
  const message =
    `kitchen ${kitchenName} cannot take these meals for ${slot} on ${date}: ` +
    `it would have ${planned} planned, its capacity is ${capacity} a slot`;
  return new DomainError(ErrorCode.KitchenFull, message, [{ field: 'count', message }], {
    kitchenId,
    kitchenName,
    date,
    slot,
    capacity,
  });
}
