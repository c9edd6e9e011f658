import { DomainError } from '@rasad/contracts';
import { checkInCutoffOffset, nightRange, stayNight } from './stay-nights';

const ZONE = 'Asia/Karachi';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('nightRange', () => {
  it('lists the nights inclusive', () => {
    expect(nightRange('2027-02-06', '2027-02-08')).toEqual(['2027-02-06', '2027-02-07', '2027-02-08']);
    expect(nightRange('2027-02-06', '2027-02-06')).toEqual(['2027-02-06']);
  });

  it('refuses a range ending before it starts, naming the last night', () => {
    const refusal = thrown(() => nightRange('2027-02-08', '2027-02-07', { first: 'from', last: 'to' }));
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).errors).toEqual([{ field: 'to', message: expect.stringContaining('to (') }]);
  });

  it('refuses more than a month', () => {
    expect(() => nightRange('2027-02-01', '2027-03-05')).toThrow(/at most 31 nights/);
  });
});

describe('stayNight', () => {
  it('is the evening’s date, or the day before for a time before noon', () => {
    expect(stayNight(new Date('2027-02-07T19:40:00+05:00'), ZONE)).toBe('2027-02-07');
    expect(stayNight(new Date('2027-02-08T01:10:00+05:00'), ZONE)).toBe('2027-02-07');
    expect(stayNight(new Date('2027-02-08T11:59:00+05:00'), ZONE)).toBe('2027-02-07');
    expect(stayNight(new Date('2027-02-08T12:00:00+05:00'), ZONE)).toBe('2027-02-08');
  });
});

describe('checkInCutoffOffset', () => {
  it('falls on the evening, or the next morning for a time before noon', () => {
    expect(checkInCutoffOffset('23:00')).toBe('0 day 1380 minutes');
    expect(checkInCutoffOffset('12:00')).toBe('0 day 720 minutes');
    expect(checkInCutoffOffset('02:30')).toBe('1 day 150 minutes');
  });
});
