import { CNIC_PATTERN, isValidCnic, maskCnic, normalizeCnic } from './cnic';

describe('cnic', () => {
  it('accepts the 5-7-1 dashed form', () => {
    expect(isValidCnic('13101-1234567-1')).toBe(true);
    expect(isValidCnic('61101-7654321-8')).toBe(true);
    expect(CNIC_PATTERN.test('13101-1234567-1')).toBe(true);
  });

  it.each([
    ['13101 1234567 1'],
    ['1310112345671'],
    ['13101-1234567-12'],
    ['1310-1234567-1'],
    ['13101-123456-1'],
    ['13101-1234567-'],
    [' 13101-1234567-1'],
    ['13101-1234567-1 '],
    ['13101–1234567–1'],
    ['1310a-1234567-1'],
    ['١٣١٠١-١٢٣٤٥٦٧-١'],
    [''],
  ])('rejects %p', (value) => {
    expect(isValidCnic(value)).toBe(false);
  });

  it('rejects all-zero groups', () => {
    expect(isValidCnic('00000-1234567-1')).toBe(false);
    expect(isValidCnic('13101-0000000-1')).toBe(false);
    expect(isValidCnic('00000-0000000-0')).toBe(false);
  });

  it('accepts groups that merely contain zeros', () => {
    expect(isValidCnic('10000-0000001-0')).toBe(true);
  });

  it('rejects values that are not strings', () => {
    expect(isValidCnic(undefined)).toBe(false);
    expect(isValidCnic(null)).toBe(false);
    expect(isValidCnic(1310112345671)).toBe(false);
    expect(isValidCnic({})).toBe(false);
  });

  it('masks everything but the last digit', () => {
    expect(maskCnic('13101-1234567-1')).toBe('*****-*******-1');
    expect(maskCnic('61101-7654321-8')).toBe('*****-*******-8');
  });

  it('masks malformed values without leaking digits', () => {
    expect(maskCnic('1310112345679')).toBe('************9');
    expect(maskCnic('')).toBe('');
  });

  describe('normalizeCnic', () => {
    it.each([['13302-1234567-1'], ['1330212345671'], ['13302 1234567 1'], [' 13302-1234567-1 '], ['13302-12345671']])(
      'writes %p in the dashed form',
      (input) => {
        expect(normalizeCnic(input)).toBe('13302-1234567-1');
      },
    );

    it.each([
      ['133021234567', 'twelve digits'],
      ['13302123456712', 'fourteen digits'],
      ['0000012345671', 'an all-zero area'],
      ['1330200000001', 'an all-zero serial'],
      ['13302–1234567–1', 'en dashes'],
      ['١٣٣٠٢١٢٣٤٥٦٧١', 'Arabic-Indic digits'],
      ['1330a12345671', 'a letter'],
      ['', 'nothing'],
    ])('refuses %p (%s)', (input) => {
      expect(normalizeCnic(input)).toBeNull();
    });

    it('refuses what is not a string', () => {
      expect(normalizeCnic(1330212345671 as unknown as string)).toBeNull();
      expect(normalizeCnic(undefined as unknown as string)).toBeNull();
    });
  });
});
