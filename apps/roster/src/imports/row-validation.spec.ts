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
});
