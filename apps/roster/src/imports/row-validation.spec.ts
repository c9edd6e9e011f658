import { validateRow } from './row-validation';

const COLUMNS = [
  'serviceNumber',
  'name',
  'rank',
  'unitCode',
  'homeDistrictCode',
  'cnic',
  'phone',
  'gender',
  'travelMode',
];
const person = (overrides: Partial<Record<(typeof COLUMNS)[number], string>> = {}) =>
  COLUMNS.map(
    (column) =>
      overrides[column] ??
      {
        serviceNumber: 'HRP-1',
        name: 'Muhammad Imran',
        rank: 'constable',
        unitCode: 'HRP-U',
        homeDistrictCode: 'HRP',
        cnic: '13302-1234567-1',
        phone: '0300-1234567',
        gender: 'male',
        travelMode: 'provided',
      }[column]!,
  );

describe('validateRow', () => {
  it('stores a CNIC written without dashes in the dashed form, as it does a phone number', () => {
    const outcome = validateRow('personnel', COLUMNS, { row: 2, cells: person({ cnic: '1330212345671' }) });
    expect(outcome).toMatchObject({ data: { cnic: '13302-1234567-1', phone: '+923001234567' } });
  });

  it.each([['????? ?????'], ['Muhammad ?mran'], ['\uFFFD\uFFFD\uFFFD\uFFFD']])(
    'refuses the garbled name %p and says how to save the file',
    (name) => {
      expect(validateRow('personnel', COLUMNS, { row: 7, cells: person({ name }) })).toEqual({
        row: 7,
        errors: [{ row: 7, field: 'name', message: 'name looks garbled: save the spreadsheet as CSV UTF-8' }],
      });
    },
  );

  it('keeps names in any script', () => {
    expect(validateRow('personnel', COLUMNS, { row: 2, cells: person({ name: 'محمد عمران' }) })).toHaveProperty('data');
  });

  it('gives the class message, not the garbled one, for a name that is wrong anyway', () => {
    const outcome = validateRow('personnel', COLUMNS, { row: 3, cells: person({ name: '?' }) });
    expect(outcome).toEqual({
      row: 3,
      errors: [{ row: 3, field: 'name', message: 'name must be text of 2 to 120 characters' }],
    });
  });
});

describe('validateRow, duty times as a spreadsheet writes them', () => {
  const columns = ['serviceNumber', 'postCode', 'role', 'startsAt', 'endsAt', 'phase'];
  const duty = (startsAt: string, endsAt: string) => ({
    row: 2,
    cells: ['HRP-1', 'PS-HRP-007', 'guard', startsAt, endsAt, 'poll_day'],
  });

  it.each([
    ['2027-02-08 06:00', '2027-02-08 20:00'],
    ['08/02/2027 06:00', '08/02/2027 20:00'],
    ['2027-02-08T06:00', '2027-02-08T20:00:00'],
    ['2027-02-08T06:00:00+05:00', '2027-02-08T15:00:00Z'],
  ])('reads %s to %s as 06:00 to 20:00 in the deployment zone', (startsAt, endsAt) => {
    expect(validateRow('assignments', columns, duty(startsAt, endsAt), 'Asia/Karachi')).toMatchObject({
      data: { startsAt: '2027-02-08T01:00:00.000Z', endsAt: '2027-02-08T15:00:00.000Z' },
    });
  });

  it('names the field of a time that is none of those', () => {
    const outcome = validateRow('assignments', columns, duty('8th Feb, 6 am', '2027-02-08 20:00'), 'Asia/Karachi');
    expect(outcome).toMatchObject({ errors: [{ row: 2, field: 'startsAt' }] });
  });
});
