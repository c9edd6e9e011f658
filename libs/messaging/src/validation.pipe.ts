import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorCode, FieldError } from '@rasad/contracts';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
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

/** Whitelisting validation whose failure is a coded error naming each field, on HTTP and NATS alike. */
export function rasadValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
