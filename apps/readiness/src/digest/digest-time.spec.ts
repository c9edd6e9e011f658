import { digestDue } from './digest-time';

describe('digestDue', () => {
  const zone = 'Asia/Karachi';

  it('is due from the local digest time until the end of that local day', () => {
    expect(digestDue(new Date('2027-02-08T14:59:59Z'), '20:00', zone)).toBeNull();
    expect(digestDue(new Date('2027-02-08T15:00:00Z'), '20:00', zone)).toBe('2027-02-08');
    expect(digestDue(new Date('2027-02-08T18:59:00Z'), '20:00', zone)).toBe('2027-02-08');
  });

  it('starts a new local day at local midnight, not UTC midnight', () => {
    expect(digestDue(new Date('2027-02-08T19:00:00Z'), '20:00', zone)).toBeNull();
    expect(digestDue(new Date('2027-02-08T19:00:00Z'), '00:00', zone)).toBe('2027-02-09');
  });
});
