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

/** A value still to look at, with the key it sits under and its parent: the path is spelled out only for an error. */
interface Step {
  value: unknown;
  key: string;
  parent: Step | undefined;
  depth: number;
}

/**
 * What no field may hold, whatever its type: nesting deep enough to overflow the pipe's recursion, the NUL
 * character, which PostgreSQL text and jsonb refuse, and a lone surrogate, which jsonb refuses (all were 500s). Walked without recursion; a field is named by
 * its path, or by its top-level key when it is too deep to spell out. Each step keeps its parent rather than a copy
 * of its path: copying paths was a fifth of the roster's
 * CPU for each chunk of an import (1,000 rows of 10 cells).
 */
export function unacceptableField(value: unknown, root = 'body'): FieldError | undefined {
  const pending: Step[] = [{ value, key: '', parent: undefined, depth: 0 }];
  while (pending.length) {
    const step = pending.pop()!;
    const current = step.value;
    if (typeof current === 'string') {
      const message = current.includes('\u0000')
        ? 'must not contain the NUL character (\\u0000)'
        : LONE_SURROGATE.test(current)
          ? 'must be well-formed Unicode: it holds half of a surrogate pair'
          : undefined;
      if (message) {
        return { field: pathOf(step).join('.') || root, message };
      }
      continue;
    }
    if (typeof current !== 'object' || current === null) {
      continue;
    }
    if (step.depth > MAX_NESTING) {
      return { field: pathOf(step)[0], message: `nests deeper than ${MAX_NESTING} levels` };
    }
    for (const key of Object.keys(current)) {
      const child = (current as Record<string, unknown>)[key];
      if (typeof child === 'string' || (typeof child === 'object' && child !== null)) {
        pending.push({ value: child, key: key || '""', parent: step, depth: step.depth + 1 });
      }
    }
  }
  return undefined;
}

function pathOf(step: Step): string[] {
  const path: string[] = [];
  for (let at: Step | undefined = step; at?.parent; at = at.parent) {
    path.push(at.key);
  }
  return path.reverse();
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
