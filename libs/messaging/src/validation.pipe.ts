import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, FieldError } from '@rasad/contracts';
import { expectationOf } from './field-expectation';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
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

/** Whitelisting validation whose failure is a coded error naming each field, on HTTP and NATS alike. */
export function rasadValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
