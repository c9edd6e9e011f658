import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, FieldError } from '@rasad/contracts';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    // A key may be empty (`{"": 1}`); it is named as the JSON writes it, so the answer still points at a field.
    const property = error.property === '' ? '""' : error.property;
    const field = prefix ? `${prefix}.${property}` : property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith(`property ${error.property} should not exist`)
        ? `${field} is not an accepted field`
        : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function fieldErrors(errors: ValidationError[]): FieldError[] {
  return flatten(errors);
}

/** Deeper than any request of ours nests, and far short of where the recursive transform overflows the stack. */
export const MAX_NESTING = 32;

/** The top-level field under which a value nests deeper than MAX_NESTING, walked without recursion. */
export function tooDeeplyNested(value: unknown): string | undefined {
  const pending: [unknown, number, string][] = [[value, 0, '']];
  while (pending.length) {
    const [current, depth, field] = pending.pop()!;
    if (typeof current !== 'object' || current === null) {
      continue;
    }
    if (depth > MAX_NESTING) {
      return field;
    }
    for (const [key, child] of Object.entries(current)) {
      pending.push([child, depth + 1, field || key || '""']);
    }
  }
  return undefined;
}

/** The ValidationPipe, after a guard against nesting that would overflow its recursion (a 500 instead of a 400). */
class RasadValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = metadata.type === 'custom' ? undefined : tooDeeplyNested(value);
    if (field !== undefined) {
      const message = `nests deeper than ${MAX_NESTING} levels`;
      throw new DomainError(ErrorCode.ValidationFailed, `Invalid ${field}: ${message}`, [{ field, message }]);
    }
    return super.transform(value, metadata);
  }
}

/** Whitelisting validation whose failure is a coded error naming each field, on HTTP and NATS alike. */
export function rasadValidationPipe(): ValidationPipe {
  return new RasadValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const list = flatten(errors);
      const fields = [...new Set(list.map((e) => e.field))].join(', ');
      return new DomainError(
        ErrorCode.ValidationFailed,
        `Invalid ${fields}: ${list.map((e) => e.message).join('; ')}`,
        list,
      );
    },
  });
}
