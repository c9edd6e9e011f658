import { validateSync } from 'class-validator';
import { IsCnic, IsDietaryNeed, IsPakistanMobile } from './validators';

class PersonnelDto {
  @IsCnic()
  cnic: unknown;

  @IsPakistanMobile()
  phone: unknown;

  @IsDietaryNeed({ each: true })
  dietaryNeeds: unknown;
}

class SingleNeedDto {
  @IsDietaryNeed({ message: 'pick a dietary need' })
  need: unknown;
}

function build(values: Partial<PersonnelDto>): PersonnelDto {
  return Object.assign(
    new PersonnelDto(),
    { cnic: '13101-1234567-1', phone: '+923001234567', dietaryNeeds: [] },
    values,
  );
}

function messages(dto: object): Record<string, string[]> {
  return Object.fromEntries(validateSync(dto).map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

describe('validators', () => {
  it('passes a valid object', () => {
    expect(validateSync(build({ dietaryNeeds: ['vegetarian', 'other:halal'] }))).toEqual([]);
  });

  it('accepts any phone spelling that normalizes', () => {
    expect(validateSync(build({ phone: '0300-1234567' }))).toEqual([]);
  });

  it('names the property in the CNIC message', () => {
    expect(messages(build({ cnic: '1310112345671' }))).toEqual({
      cnic: ['cnic must be a CNIC in the form 12345-1234567-1'],
    });
  });

  it('names the property in the phone message', () => {
    expect(messages(build({ phone: '0995-123456' }))).toEqual({
      phone: ['phone must be a Pakistani mobile number such as +923001234567'],
    });
  });

  it('validates each dietary need and says so', () => {
    expect(messages(build({ dietaryNeeds: ['vegetarian', 'vegan'] }))).toEqual({
      dietaryNeeds: [
        'each value in dietaryNeeds must be one of vegetarian, diabetic, no_gluten or other:<text of 1-100 characters>',
      ],
    });
  });

  it('uses the constraint names for error mapping', () => {
    const [error] = validateSync(build({ cnic: 'x', phone: 'y', dietaryNeeds: ['z'] })).filter(
      (e) => e.property === 'cnic',
    );
    expect(Object.keys(error.constraints ?? {})).toEqual(['isCnic']);
    const keys = validateSync(build({ phone: 'y', dietaryNeeds: ['z'] })).flatMap((e) =>
      Object.keys(e.constraints ?? {}),
    );
    expect(keys.sort()).toEqual(['isDietaryNeed', 'isPakistanMobile']);
  });

  it('rejects missing and non-string values', () => {
    expect(Object.keys(messages(build({ cnic: undefined, phone: 3001234567 })))).toEqual(['cnic', 'phone']);
  });

  it('honours a custom message', () => {
    expect(messages(Object.assign(new SingleNeedDto(), { need: 'vegan' }))).toEqual({
      need: ['pick a dietary need'],
    });
    expect(validateSync(Object.assign(new SingleNeedDto(), { need: 'no_gluten' }))).toEqual([]);
  });
});
