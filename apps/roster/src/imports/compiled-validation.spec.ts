import { plainToInstance, Type } from 'class-transformer';
import { IsString, Length, ValidateNested, validateSync } from 'class-validator';
import { compileValidation, ValidCheck } from './compiled-validation';
import { AssignmentImportRow, PersonnelImportRow } from './import-columns';

const UUID = '0190f6a4-8c1e-7b3a-9d2e-4f5a6b7c8d9e';

/** A field's values worth trying: valid ones, near misses, wrong types and absence. */
const PERSONNEL_VALUES: Record<string, unknown[]> = {
  serviceNumber: ['HRP-10452', 'A/1', 'X', 'x'.repeat(31), 'HRP 1', '', 42, undefined],
  name: ['Muhammad Imran', 'Al', 'A', 'n'.repeat(120), 'n'.repeat(121), '😀😀', 7, undefined],
  rank: ['constable', 'sp', 'general', 'Constable', undefined],
  unitId: [UUID, 'not-a-uuid', undefined],
  unitCode: ['HRP-ELITE', 'u'.repeat(30), 'u'.repeat(31), '', undefined],
  homeDistrictId: [UUID, '123', undefined],
  homeDistrictCode: ['HRP', 'd'.repeat(12), 'd'.repeat(13), undefined],
  cnic: ['13101-1234567-1', '00000-1234567-1', '1310112345671', undefined],
  phone: ['0300-1234567', '+923001234567', '0995-123456', 'phone', undefined],
  gender: ['male', 'female', 'other', 'm', undefined],
  dietaryNeeds: [[], ['diabetic'], ['vegan'], ['other:halal'], Array(11).fill('diabetic'), 'diabetic', undefined],
  travelMode: ['provided', 'self', 'bus', undefined],
  language: ['en', 'ur', 'fr', null, undefined],
};

const ASSIGNMENT_VALUES: Record<string, unknown[]> = {
  personnelId: [UUID, 'nope', undefined],
  serviceNumber: ['HRP-1', '', 's'.repeat(31), undefined],
  postId: [UUID, 'nope', undefined],
  postCode: ['HRP-P1', 'p'.repeat(41), undefined],
  role: ['guard', 'pilot', undefined],
  startsAt: ['2027-02-08T06:00:00+05:00', '2027-02-08T06:00:00', '2027-02-30T06:00:00Z', 'soon', undefined],
  endsAt: ['2027-02-08T20:00:00+05:00', '2027-02-08', undefined],
  phase: ['poll_day', 'someday', undefined],
  status: ['planned', 'cancelled', 'nonsense', undefined],
};

function classSaysValid(target: new () => object, object: Record<string, unknown>): boolean {
  return validateSync(plainToInstance(target, object), { whitelist: true, forbidUnknownValues: true }).length === 0;
}

/** Every single-field variation of a valid object: the compiled check must agree with validateSync on each. */
function expectAgreement(target: new () => object, valid: Record<string, unknown>, values: Record<string, unknown[]>) {
  const check = compileValidation(target) as ValidCheck;
  expect(check).toBeDefined();
  let invalid = 0;
  for (const [field, candidates] of Object.entries(values)) {
    for (const candidate of candidates) {
      const object = { ...valid, [field]: candidate };
      if (candidate === undefined) {
        delete object[field];
      }
      const expected = classSaysValid(target, object);
      invalid += expected ? 0 : 1;
      expect({ field, candidate, valid: check(object) }).toEqual({ field, candidate, valid: expected });
    }
  }
  // The cases above must exercise both answers, or the test proves nothing.
  expect(invalid).toBeGreaterThan(10);
}

describe('compileValidation', () => {
  it('agrees with validateSync on every personnel field', () => {
    const valid = {
      serviceNumber: 'HRP-10452',
      name: 'Muhammad Imran',
      rank: 'constable',
      unitCode: 'HRP-ELITE',
      homeDistrictCode: 'HRP',
      cnic: '13101-1234567-1',
      phone: '0300-1234567',
      gender: 'male',
      dietaryNeeds: ['diabetic'],
      travelMode: 'provided',
    };
    expect(compileValidation(PersonnelImportRow)?.(valid)).toBe(true);
    expectAgreement(PersonnelImportRow, valid, PERSONNEL_VALUES);
  });

  it('agrees with validateSync on every assignment field', () => {
    const valid = {
      serviceNumber: 'HRP-1',
      postCode: 'HRP-P1',
      role: 'guard',
      startsAt: '2027-02-08T06:00:00+05:00',
      endsAt: '2027-02-08T20:00:00+05:00',
      phase: 'poll_day',
    };
    expect(compileValidation(AssignmentImportRow)?.(valid)).toBe(true);
    expectAgreement(AssignmentImportRow, valid, ASSIGNMENT_VALUES);
  });

  it('sends an object with a property the class does not know to validateSync', () => {
    expect(compileValidation(AssignmentImportRow)?.({ colour: 'red' })).toBe(false);
  });

  it('declines a class it cannot mirror, so that every object goes through validateSync', () => {
    class Inner {
      @IsString() name: string;
    }
    class Nested {
      @ValidateNested() @Type(() => Inner) inner: Inner;
    }
    class Transformed {
      @Type(() => String) @Length(1, 3) code: string;
    }
    class Bare {
      code: string;
    }
    expect(compileValidation(Nested)).toBeUndefined();
    expect(compileValidation(Transformed)).toBeUndefined();
    expect(compileValidation(Bare)).toBeUndefined();
    expect(compileValidation(Inner)).toBeDefined();
  });
});
