import fc from 'fast-check';
import { Schema } from './openapi';

/** Record ids a valid body refers to, by property name (districtId, personnelId, …). */
export type KnownIds = Record<string, string>;

const HOUR = 3600_000;
const IN_A_MONTH = Date.now() + 30 * 24 * HOUR;
const UNKNOWN_ID = '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

export const isTime = (schema: Schema, name: string) =>
  schema.format === 'date-time' || /At$|^(from|to|since|until)$/.test(name);
const isId = (schema: Schema, name: string) => schema.format === 'uuid' || /Ids?$/.test(name);
const singular = (name: string) => name.replace(/s$/, '');
const endOfWindow = (name: string) => name.startsWith('end') || name === 'to' || name === 'until';

/** A value the route would accept, built from the schema: real ids by name, else the first enum, the example, … */
export function validValue(schema: Schema, name: string, ids: KnownIds): unknown {
  if (schema.type === 'array' || schema.items) {
    const one = ids[singular(name)];
    return one ? [one] : [validValue(schema.items ?? {}, singular(name), ids)];
  }
  if (ids[name]) {
    return ids[name];
  }
  if (schema.enum?.length) {
    return schema.enum[0];
  }
  if (schema.example !== undefined) {
    return schema.example;
  }
  if (schema.properties) {
    return Object.fromEntries(
      Object.entries(schema.properties).map(([key, property]) => [key, validValue(property, key, ids)]),
    );
  }
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') {
        return UNKNOWN_ID;
      }
      if (isTime(schema, name)) {
        return new Date(IN_A_MONTH + (endOfWindow(name) ? 2 * HOUR : 0)).toISOString();
      }
      return 'h'.repeat(Math.max(schema.minLength ?? 0, 8));
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      return {};
  }
}

/**
 * Valid bodies, varied: any enum value, optional fields present or not. A service only meets what gets past the
 * gateway's validation, so most hostile bodies start from one of these.
 */
export function validValues(schema: Schema, name: string, ids: KnownIds): fc.Arbitrary<unknown> {
  if (schema.properties) {
    const properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, property]) => [key, validValues(property, key, ids)]),
    );
    return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
  }
  if (schema.items?.properties) {
    return fc.array(validValues(schema.items, singular(name), ids), { minLength: 1, maxLength: 2 });
  }
  if (schema.enum?.length && !ids[name]) {
    return fc.constantFrom(...schema.enum);
  }
  if (schema.type === 'boolean') {
    return fc.boolean();
  }
  return fc.constant(validValue(schema, name, ids));
}

const PLAUSIBLE_TIMES = [
  '2020-01-01T00:00:00+05:00',
  '2000-02-29T12:00:00Z',
  '0001-01-01T00:00:00+00:00',
  '9999-12-31T23:59:59+05:00',
  '2028-02-29T23:59:59.999+14:00',
  '2027-02-05T10:00:00-12:00',
  '2027-02-05T10:00:00.123456+05:00',
  '2027-02-05T10:00:00.000+05:30',
];

/** Right type, wrong in every other way: past and far-future times, another record's id, limits and beyond. */
export function plausibleValues(schema: Schema, name: string, ids: KnownIds): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  if (schema.enum?.length) {
    options.push(fc.constantFrom(...schema.enum));
  }
  switch (schema.type) {
    case 'string':
      if (isTime(schema, name)) {
        const now = Date.now();
        options.push(
          fc.constantFrom(...PLAUSIBLE_TIMES),
          fc.constantFrom(new Date(now).toISOString(), new Date(now + 60_000).toISOString()),
          fc.integer({ min: -1000, max: 1000 }).map((hours) => new Date(IN_A_MONTH + hours * HOUR).toISOString()),
        );
      } else if (isId(schema, name)) {
        options.push(fc.constantFrom(...Object.values(ids), UNKNOWN_ID, '00000000-0000-0000-0000-000000000000'));
      } else {
        options.push(
          fc.constantFrom(
            'h',
            'ہری پور، خیبر پختونخوا',
            '   padded   ',
            'Haripur\u0000Ghazi',
            '%_\\\'"',
            '🗳️👮‍♀️',
            'x'.repeat(255),
            'x'.repeat(256),
            'x'.repeat(5_000),
          ),
        );
      }
      break;
    case 'number':
    case 'integer': {
      const { minimum = 0, maximum = 1_000_000 } = schema;
      options.push(fc.constantFrom(minimum, maximum, minimum - 1, maximum + 1, minimum + 0.5, 0, 2 ** 31));
      break;
    }
    case 'boolean':
      options.push(fc.boolean());
      break;
    case 'array': {
      const item = schema.items ?? {};
      const one = validValue(item, singular(name), ids);
      options.push(
        fc.constantFrom(
          [],
          [one, one],
          Array.from({ length: 5_000 }, () => one),
        ),
        fc.array(plausibleValues(item, singular(name), ids), { minLength: 1, maxLength: 4 }),
      );
      break;
    }
    default:
      options.push(validValues(schema, name, ids));
  }
  if (schema.nullable) {
    options.push(fc.constant(null));
  }
  return fc.oneof(...options);
}
