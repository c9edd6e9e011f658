import { ValidateBy, ValidationOptions } from 'class-validator';

const NIGHT = /^\d{4}-\d{2}-\d{2}$/;

/** A night is named by its evening's local date, `2027-02-07` (evening of the 7th to morning of the 8th). */
export function isNight(value: unknown): value is string {
  if (typeof value !== 'string' || !NIGHT.test(value)) {
    return false;
  }
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function IsNight(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNight',
      validator: {
        validate: (value) => isNight(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a night as its evening's date, YYYY-MM-DD, e.g. 2027-02-07`,
      },
    },
    options,
  );
}
