import { isValidPakistanMobile, maskPhone, normalizePakistanMobile, PAKISTAN_MOBILE_E164_PATTERN } from './phone';

describe('phone', () => {
  describe('normalizePakistanMobile', () => {
    it.each([
      ['+923001234567'],
      ['+92 300 1234567'],
      ['+92-300-1234567'],
      ['923001234567'],
      ['03001234567'],
      ['0300-1234567'],
      ['0300 123 4567'],
      ['00923001234567'],
      ['  0300-1234567  '],
      ['0300\t1234567'],
    ])('normalizes %p to E.164', (input) => {
      expect(normalizePakistanMobile(input)).toBe('+923001234567');
    });

    it('keeps the operator prefix', () => {
      expect(normalizePakistanMobile('0345-9876543')).toBe('+923459876543');
      expect(normalizePakistanMobile('0312 0000001')).toBe('+923120000001');
    });

    it.each([
      ['0995-123456', 'a Haripur landline'],
      ['+92995612345', 'a landline in international form'],
      ['+9251 1234567', 'an Islamabad landline'],
      ['0300123456', 'one digit short'],
      ['030012345678', 'one digit long'],
      ['3001234567', 'no prefix'],
      ['+443001234567', 'another country code'],
      ['+92 (300) 1234567', 'brackets'],
      ['+92.300.1234567', 'dots'],
      ['+92300123456a', 'a letter'],
      ['', 'empty'],
    ])('rejects %p (%s)', (input) => {
      expect(normalizePakistanMobile(input)).toBeNull();
    });

    it('returns null for non-strings', () => {
      expect(normalizePakistanMobile(undefined as unknown as string)).toBeNull();
      expect(normalizePakistanMobile(3001234567 as unknown as string)).toBeNull();
    });

    it('produces values matching the canonical pattern', () => {
      expect(PAKISTAN_MOBILE_E164_PATTERN.test(normalizePakistanMobile('0300-1234567')!)).toBe(true);
      expect(PAKISTAN_MOBILE_E164_PATTERN.test('03001234567')).toBe(false);
    });
  });

  describe('isValidPakistanMobile', () => {
    it('accepts every spelling that normalizes', () => {
      expect(isValidPakistanMobile('+923001234567')).toBe(true);
      expect(isValidPakistanMobile('0300-1234567')).toBe(true);
    });

    it('rejects landlines, garbage and non-strings', () => {
      expect(isValidPakistanMobile('0995-123456')).toBe(false);
      expect(isValidPakistanMobile('phone')).toBe(false);
      expect(isValidPakistanMobile(null)).toBe(false);
      expect(isValidPakistanMobile(923001234567)).toBe(false);
    });
  });

  describe('maskPhone', () => {
    it('keeps the country code and last three digits', () => {
      expect(maskPhone('+923001234567')).toBe('+92*******567');
    });

    it('masks other spellings as their canonical form', () => {
      expect(maskPhone('0300-1234567')).toBe('+92*******567');
    });

    it('masks unrecognised numbers without leaking more than three digits', () => {
      expect(maskPhone('0995-123456')).toBe('****-***456');
      expect(maskPhone('12')).toBe('12');
    });
  });
});
