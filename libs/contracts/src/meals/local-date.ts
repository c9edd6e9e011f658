import { ValidationOptions, ValidateBy } from 'class-validator';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as YYYY-MM-DD that exists (2027-02-30 does not), from 1900 to 2999: meal days, not history. */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !LOCAL_DATE.test(value) || value < '1900' || value >= '3000') {
    return false;
  }
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** A local date (the deployment's zone) as YYYY-MM-DD: meal days are local days, never instants. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value) => isLocalDate(value),
        defaultMessage: (args) => `${args?.property} must be a date as YYYY-MM-DD`,
      },
    },
    options,
  );
}

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function IsLocalTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalTime',
      validator: {
        validate: (value) => typeof value === 'string' && LOCAL_TIME.test(value),
        defaultMessage: (args) => `${args?.property} must be a local time as HH:mm`,
      },
    },
    options,
  );
}
