import {
  addDays,
  assertTimeZone,
  atLocalMinutes,
  atLocalTime,
  localDatesBetween,
  minutesOfDay,
  parseLocalDateTime,
  startOfLocalDay,
  toLocalDate,
  toLocalIso,
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

describe('local times for officers', () => {
  const zone = 'Asia/Karachi';

  it('writes an instant with the deployment offset', () => {
    expect(toLocalIso(new Date('2027-02-08T01:00:00.000Z'), zone)).toBe('2027-02-08T06:00:00+05:00');
    expect(toLocalIso('2027-02-07T19:30:00.250Z', zone)).toBe('2027-02-08T00:30:00.250+05:00');
    expect(toLocalIso('2027-07-01T12:00:00Z', 'Europe/London')).toBe('2027-07-01T13:00:00+01:00');
    expect(toLocalIso('2027-01-01T12:00:00Z', 'America/St_Johns')).toBe('2027-01-01T08:30:00-03:30');
  });

  it('reads spreadsheet date-times as local time, and offsets as given', () => {
    const six = new Date('2027-02-08T01:00:00Z');
    expect(parseLocalDateTime('2027-02-08 06:00', zone)).toEqual(six);
    expect(parseLocalDateTime('2027-02-08T06:00:00', zone)).toEqual(six);
    expect(parseLocalDateTime('08/02/2027 06:00', zone)).toEqual(six);
    expect(parseLocalDateTime(' 8/2/2027 6:00 ', zone)).toEqual(six);
    expect(parseLocalDateTime('2027-02-08T06:00:00+05:00', zone)).toEqual(six);
    expect(parseLocalDateTime('2027-02-08T01:00:00Z', zone)).toEqual(six);
  });

  it('refuses what is not a date-time, or a wall time that does not exist', () => {
    for (const text of ['', 'tomorrow', '2027-02-30 06:00', '31/02/2027 06:00', '2027-02-08', '08/02/2027']) {
      expect(parseLocalDateTime(text, zone)).toBeNull();
    }
    // Clocks in London jump from 01:00 to 02:00 on 28 March 2027.
    expect(parseLocalDateTime('2027-03-28 01:30', 'Europe/London')).toBeNull();
  });

  it('gives the instant a local day starts', () => {
    expect(startOfLocalDay('2027-02-08', zone)).toEqual(new Date('2027-02-07T19:00:00Z'));
    expect(() => startOfLocalDay('08-02-2027', zone)).toThrow('Invalid local date');
  });
});
