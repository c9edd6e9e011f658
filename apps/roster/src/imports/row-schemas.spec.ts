import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc, { Arbitrary } from 'fast-check';
import { ImportKind, SERVICE_NUMBER_PATTERN, SETTABLE_STATUSES } from '@rasad/contracts';
import { DUTY_PHASES, DUTY_ROLES } from '@rasad/duty-assignments';
import { GENDERS, KNOWN_DIETARY_NEEDS, LANGUAGES, RANKS, TRAVEL_MODES } from '@rasad/personnel';
import { AssignmentImportRow, PersonnelImportRow } from './import-columns';
import { VALID_ROW } from './row-schemas';

const ROW_CLASSES: Record<ImportKind, new () => object> = {
  personnel: PersonnelImportRow,
  assignments: AssignmentImportRow,
};

/** What the slow path decides: the row class through class-transformer and class-validator, as row-validation does. */
function classSaysValid(kind: ImportKind, row: Record<string, unknown>): boolean {
  const instance = plainToInstance(ROW_CLASSES[kind], row);
  return validateSync(instance, { whitelist: true, forbidUnknownValues: true }).length === 0;
}

const ABSENT = Symbol('absent');

/** A field: values that should pass (ABSENT among them when it is optional), and near misses worth trying. */
interface Field {
  valid: Arbitrary<unknown>;
  odd: unknown[];
}

const optional = (valid: Arbitrary<unknown>): Arbitrary<unknown> => fc.option(valid, { nil: ABSENT, freq: 3 });
const text = (minLength: number, maxLength: number) =>
  fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'binary', minLength, maxLength }));
const UUIDS = [
  '0190f6a4-8c1e-7b3a-9d2e-4f5a6b7c8d9e',
  '0190F6A4-8C1E-7B3A-9D2E-4F5A6B7C8D9E',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0190f6a4-8c1e-9b3a-9d2e-4f5a6b7c8d9e',
  '0190f6a4-8c1e-7b3a-cd2e-4f5a6b7c8d9e',
  'urn:uuid:0190f6a4-8c1e-7b3a-9d2e-4f5a6b7c8d9e',
  '0190f6a48c1e7b3a9d2e4f5a6b7c8d9e',
  'not-a-uuid',
];
/** Lengths as class-validator counts them: a surrogate pair is one character, a variation selector none. */
const LENGTHS = (max: number) => [
  '',
  'x',
  'x'.repeat(max),
  'x'.repeat(max + 1),
  '😀'.repeat(max),
  '😀'.repeat(max + 1),
  'a\uFE0F'.repeat(max),
  'a\uFE0F'.repeat(max + 1),
  '\uFE0F\uFE0F',
];
const ISO_NEAR_MISSES = [
  '2027-02-08T06:00:00',
  '2027-02-08',
  '2027-02-08T06:00:00+0500',
  '2027-02-08T06:00:00.1234567Z',
  '2027-02-08T06:00Z',
  '2027-02-30T06:00:00Z',
  '2027-02-08T06:00:00Z\n',
  'soon',
];

const PERSONNEL: Record<string, Field> = {
  serviceNumber: {
    valid: fc.stringMatching(SERVICE_NUMBER_PATTERN),
    odd: ['A', 'x'.repeat(31), 'HRP 1', 'HRP-1\n', 'HRP_1', ''],
  },
  name: { valid: text(2, 120), odd: [...LENGTHS(120), 'A', 7] },
  rank: { valid: fc.constantFrom(...RANKS), odd: ['general', 'Constable', 'toString', ''] },
  unitId: { valid: optional(fc.uuid()), odd: UUIDS },
  unitCode: { valid: optional(text(1, 30)), odd: LENGTHS(30) },
  homeDistrictId: { valid: optional(fc.uuid()), odd: UUIDS },
  homeDistrictCode: { valid: optional(text(1, 12)), odd: LENGTHS(12) },
  cnic: {
    valid: fc.oneof(fc.stringMatching(/^[1-9]\d{4}-[1-9]\d{6}-\d$/), fc.stringMatching(/^[1-9]\d{4}[1-9]\d{6}\d$/)),
    odd: [
      '00000-1234567-1',
      '13101 1234567 1',
      '13101-1234567-12',
      '13101–1234567–1',
      '1310a-1234567-1',
      1310112345671,
    ],
  },
  phone: {
    valid: fc.stringMatching(/^(\+92|0092|92|0)3\d{2}[ -]?\d{7}$/),
    odd: ['0995-123456', 'phone', '+443001234567', '+92 (300) 1234567', 923001234567],
  },
  gender: { valid: fc.constantFrom(...GENDERS), odd: ['m', 'Male'] },
  dietaryNeeds: {
    valid: optional(
      fc.array(fc.constantFrom(...KNOWN_DIETARY_NEEDS, 'other:halal', 'other:نمک کم'), { maxLength: 10 }),
    ),
    odd: [
      Array(11).fill('diabetic'),
      'diabetic',
      ['vegan'],
      ['other:'],
      ['Other:halal'],
      [`other:${'a'.repeat(101)}`],
      [null],
      [1],
      {},
    ],
  },
  travelMode: { valid: fc.constantFrom(...TRAVEL_MODES), odd: ['bus', 'Self'] },
  language: { valid: optional(fc.constantFrom(...LANGUAGES)), odd: ['fr', 'EN'] },
};

/** Real instants written as the API takes them: in UTC, or with an offset. */
const INSTANTS = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .chain((date) =>
    fc.constantFrom(
      date.toISOString(),
      date.toISOString().slice(0, 19) + '+05:00',
      date.toISOString().slice(0, 16) + 'Z',
    ),
  );

const ASSIGNMENTS: Record<string, Field> = {
  personnelId: { valid: optional(fc.uuid()), odd: UUIDS },
  serviceNumber: { valid: optional(text(1, 30)), odd: LENGTHS(30) },
  postId: { valid: optional(fc.uuid()), odd: UUIDS },
  postCode: { valid: optional(text(1, 40)), odd: LENGTHS(40) },
  role: { valid: fc.constantFrom(...DUTY_ROLES), odd: ['pilot', 'Guard'] },
  startsAt: { valid: INSTANTS, odd: ISO_NEAR_MISSES },
  endsAt: { valid: INSTANTS, odd: ISO_NEAR_MISSES },
  phase: { valid: fc.constantFrom(...DUTY_PHASES), odd: ['someday'] },
  status: { valid: optional(fc.constantFrom(...SETTABLE_STATUSES)), odd: ['cancelled', 'nonsense'] },
};

/** Any value at all, for a field the mutation picks: absence, null, wrong types, arbitrary text. */
const anyValue = fc.oneof(
  fc.constant(ABSENT),
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 130 }),
  fc.anything({ maxDepth: 2 }),
);

/** A row that would pass, then up to three fields changed to a near miss or to anything. */
function rows(fields: Record<string, Field>): Arbitrary<Record<string, unknown>> {
  const names = Object.keys(fields);
  const base = fc.record(Object.fromEntries(names.map((name) => [name, fields[name].valid])));
  const change = fc
    .constantFrom(...names)
    .chain((name) =>
      fc.tuple(fc.constant(name), fc.oneof(fc.constantFrom(...fields[name].odd), fields[name].valid, anyValue)),
    );
  return fc.tuple(base, fc.array(change, { maxLength: 3 })).map(([row, changes]) => {
    const result: Record<string, unknown> = { ...row };
    for (const [name, value] of changes) {
      result[name] = value;
    }
    for (const name of names) {
      if (result[name] === ABSENT) {
        delete result[name];
      }
    }
    return result;
  });
}

describe.each([
  ['personnel', PERSONNEL],
  ['assignments', ASSIGNMENTS],
] as const)('the %s row schema', (kind, fields) => {
  it('agrees with the row class on every generated row', () => {
    const outcomes = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(rows(fields), (row) => {
        const expected = classSaysValid(kind, row);
        outcomes[expected ? 'valid' : 'invalid'] += 1;
        expect({ row, valid: VALID_ROW[kind](row) }).toEqual({ row, valid: expected });
      }),
      { numRuns: 1500 },
    );
    // Both answers must come up often, or agreement proves little.
    expect(outcomes.valid).toBeGreaterThan(150);
    expect(outcomes.invalid).toBeGreaterThan(150);
  });

  it('agrees on every near miss of every field, one at a time', () => {
    const [valid] = fc.sample(
      rows(fields).filter((row) => classSaysValid(kind, row)),
      1,
    );
    for (const [name, { odd }] of Object.entries(fields)) {
      for (const value of [...odd, null, undefined]) {
        const row = { ...valid, [name]: value };
        if (value === undefined) {
          delete row[name];
        }
        expect({ name, value, valid: VALID_ROW[kind](row) }).toEqual({
          name,
          value,
          valid: classSaysValid(kind, row),
        });
      }
    }
  });

  it('sends a row with a field the class does not know to the slow path', () => {
    const [valid] = fc.sample(
      rows(fields).filter((row) => classSaysValid(kind, row)),
      1,
    );
    expect(VALID_ROW[kind](valid)).toBe(true);
    expect(VALID_ROW[kind]({ ...valid, colour: 'red' })).toBe(false);
  });
});
