import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, FieldError } from '@rasad/contracts';
import { expectationOf } from './field-expectation';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    // A key may be empty (`{"": 1}`); it is named as the JSON writes it, so the answer still points at a field.
    const property = error.property === '' ? '""' : error.property;
    const field = prefix ? `${prefix}.${property}` : property;
    // stopAtFirstError leaves one constraint per field: one message, not three that contradict each other.
    const own = Object.values(error.constraints ?? {})
      .slice(0, 1)
      .map((message) => ({ field, message: messageFor(error, field, message) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function messageFor(error: ValidationError, field: string, message: string): string {
  if (message.startsWith(`property ${error.property} should not exist`)) {
    return `${field} is not an accepted field`;
  }
  const expected = expectationOf(error.target, error.property);
  // "must be a string" alone does not tell someone who left the field out that they must send it.
  if (error.value === undefined || error.value === null) {
    return `${field} is required: ${expected ?? message}`;
  }
  return expected ? `${field} must be ${expected}` : message;
}

export function fieldErrors(errors: ValidationError[]): FieldError[] {
  return flatten(errors);
}

/** Deeper than any request of ours nests, and far short of where the recursive transform overflows the stack. */
export const MAX_NESTING = 32;

/** Half of a surrogate pair, which JSON's \\u escapes can carry but PostgreSQL's jsonb (the audit log) refuses. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What no field may hold, whatever its type: nesting deep enough to overflow the pipe's recursion, the NUL
 * character, which PostgreSQL text and jsonb refuse, and a lone surrogate, which jsonb refuses (all were 500s). Walked without recursion; a field is named by
 * its path, or by its top-level key when it is too deep to spell out.
 */
export function unacceptableField(value: unknown, root = 'body'): FieldError | undefined {
  const pending: [unknown, string[]][] = [[value, []]];
  while (pending.length) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      const message = current.includes('\u0000')
        ? 'must not contain the NUL character (\\u0000)'
        : LONE_SURROGATE.test(current)
          ? 'must be well-formed Unicode: it holds half of a surrogate pair'
          : undefined;
      if (message) {
        return { field: path.join('.') || root, message };
      }
    }
    if (typeof current !== 'object' || current === null) {
      continue;
    }
    if (path.length > MAX_NESTING) {
      return { field: path[0], message: `nests deeper than ${MAX_NESTING} levels` };
    }
    for (const [key, child] of Object.entries(current)) {
      pending.push([child, [...path, key || '""']]);
    }
  }
  return undefined;
}

/** The ValidationPipe, after a guard against what it would pass or choke on (see unacceptableField). */
class RasadValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const error = metadata.type === 'custom' ? undefined : unacceptableField(value, metadata.type);
    if (error) {
      throw new DomainError(ErrorCode.ValidationFailed, `Invalid ${error.field}: ${error.message}`, [error]);
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
    stopAtFirstError: true,
    // The object is read only to describe what a field takes, the value to tell a missing field from a wrong one;
    // no message repeats either.
    validationError: { target: true, value: true },
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
