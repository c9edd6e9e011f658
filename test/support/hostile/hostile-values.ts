import fc from 'fast-check';
import { Schema } from './openapi';

/** Values no field should choke on, whatever its type: wrong types, extremes, and the bytes databases dislike. */

const HUGE_STRING = 'ب'.repeat(10_000) + 'x'.repeat(80_000);
const deep = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) {
    value = { a: value };
  }
  return value;
};

export const awkwardStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'Haripur\u0000Ghazi',
    '\uD800',
    '\uDFFF\uD800x',
    '%',
    '_',
    '\\',
    "'; drop table roster.personnel; --",
    '../../../etc/passwd',
    '<script>alert(1)</script>',
    '${jndi:ldap://x}',
    '🗳️👮‍♀️',
    'ہری پور',
    '\u202Eevil',
    'null',
    'undefined',
    'true',
    '[object Object]',
    '__proto__',
    HUGE_STRING,
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

export const awkwardNumbers = fc.oneof(
  fc.constantFrom(0, -1, -0.000001, 0.5, 1.5, 2 ** 31, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const invalidDates = fc.constantFrom(
  'not-a-date',
  '2027-02-30T10:00:00+05:00',
  '2027-13-01T00:00:00Z',
  '2027-02-05T25:00:00+05:00',
  '2027-02-05T10:00:00+99:00',
  '2027-02-05',
  '2027-02-05T10:00:00',
  '0000-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '1900-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '+999999-01-01T00:00:00Z',
  '2027-02-05T10:00:00.123456789+05:00',
  '1e12',
  '1795995699063',
);

export const invalidUuids = fc.oneof(
  fc.constantFrom(
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
    '{8d3c5f0e-1b2a-4c3d-9e8f-0a1b2c3d4e5f}',
    '8d3c5f0e1b2a4c3d9e8f0a1b2c3d4e5f',
    '8d3c5f0e-1b2a-4c3d-9e8f-0a1b2c3d4e5',
  ),
  fc.uuid(),
);

export const anyHostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [null], [[]], { nested: { deeper: [1, 'a', null] } }),
  fc.constantFrom(deep(100), deep(2_000)),
  awkwardStrings,
  awkwardNumbers,
  invalidDates,
  invalidUuids,
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }),
);

/** Wrong within a field's own type: the boundary a validator most often forgets. */
export function sameTypeHostile(schema: Schema, name: string, valid: unknown): fc.Arbitrary<unknown> {
  const variants: fc.Arbitrary<unknown>[] = [];
  if (schema.enum?.length) {
    const first = String(schema.enum[0]);
    variants.push(fc.constantFrom(first.toUpperCase(), ` ${first}`, `${first}\u0000`, 'not_in_the_list'));
  }
  switch (schema.type) {
    case 'string':
      variants.push(awkwardStrings);
      if (schema.format === 'uuid' || /Id$/.test(name)) {
        variants.push(invalidUuids);
      }
      if (schema.format === 'date-time' || /At$|^(from|to|since|until)$/.test(name)) {
        variants.push(invalidDates);
      }
      break;
    case 'number':
    case 'integer':
      variants.push(awkwardNumbers);
      break;
    case 'boolean':
      variants.push(fc.constantFrom('true', 'false', 0, 1, 'yes', ''));
      break;
    case 'array':
      variants.push(
        fc.constantFrom(
          [],
          [null],
          [[valid]],
          Array.from({ length: 5_000 }, (_, i) => i),
        ),
        fc.array(anyHostileValue, { maxLength: 3 }),
        fc.constant(Array.isArray(valid) ? [...valid, ...valid] : [valid, valid]),
      );
      if (schema.items) {
        variants.push(fc.array(sameTypeHostile(schema.items, name.replace(/s$/, ''), undefined), { maxLength: 3 }));
      }
      break;
    default:
      variants.push(fc.constantFrom({}, [], 'an object', deep(50)));
  }
  return fc.oneof(...variants);
}
