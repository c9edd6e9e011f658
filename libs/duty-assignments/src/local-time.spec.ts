import {
  addDays,
  assertTimeZone,
  atLocalMinutes,
  atLocalTime,
  localDatesBetween,
  minutesOfDay,
  toLocalDate,
} from './local-time';

describe('local time', () => {
  it('parses HH:mm into minutes of the day', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('07:30')).toBe(450);
    expect(minutesOfDay('23:59')).toBe(1439);
  });

  it.each([['7:30'], ['24:00'], ['12:60'], ['12:00:00'], [''], ['noon']])('rejects local time %p', (time) => {
    expect(() => minutesOfDay(time)).toThrow(`Invalid local time "${time}", expected HH:mm`);
  });

  it('rejects unknown zones', () => {
    expect(() => assertTimeZone('Asia/Karachi')).not.toThrow();
    expect(() => assertTimeZone('PKT')).toThrow('Unknown time zone "PKT"');
  });

  it('gives the local date of an instant', () => {
    expect(toLocalDate(new Date('2027-02-07T19:00Z'), 'Asia/Karachi')).toBe('2027-02-08');
    expect(toLocalDate(new Date('2027-02-07T18:59Z'), 'Asia/Karachi')).toBe('2027-02-07');
    expect(() => toLocalDate(new Date('x'), 'Asia/Karachi')).toThrow('Invalid instant');
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(() => addDays('2027-02-30', 1)).toThrow('Invalid local date "2027-02-30", expected YYYY-MM-DD');
    expect(() => addDays('', 1)).toThrow();
  });

  it('lists dates inclusively', () => {
    expect(localDatesBetween('2027-02-27', '2027-03-01')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01']);
    expect(localDatesBetween('2027-02-08', '2027-02-08')).toEqual(['2027-02-08']);
    expect(localDatesBetween('2027-02-09', '2027-02-08')).toEqual([]);
  });

  it('places a local time on a date in the zone', () => {
    expect(atLocalTime('2027-02-08', '07:00', 'Asia/Karachi')).toEqual(new Date('2027-02-08T02:00Z'));
    expect(atLocalTime('2027-03-27', '08:00', 'Europe/London')).toEqual(new Date('2027-03-27T08:00Z'));
    expect(atLocalTime('2027-03-28', '08:00', 'Europe/London')).toEqual(new Date('2027-03-28T07:00Z'));
  });

  it('rolls minutes past midnight onto the next date and keeps seconds', () => {
    expect(atLocalMinutes('2027-02-08', 24 * 60, 'Asia/Karachi')).toEqual(new Date('2027-02-09T00:00+05:00'));
    expect(atLocalMinutes('2027-02-08', 7 * 60 + 0.5, 'Asia/Karachi')).toEqual(new Date('2027-02-08T07:00:30+05:00'));
  });
});
