import {
  DEFAULT_WINDOW_LIMITS,
  durationHours,
  DutyWindow,
  isValidDate,
  windowError,
  windowsOverlap,
} from './duty-window';

const at = (iso: string) => new Date(iso);
const win = (start: string, end: string): DutyWindow => ({
  startsAt: at(start),
  endsAt: at(end),
});

describe('duty window', () => {
  describe('windowError', () => {
    it('accepts a poll-day shift', () => {
      expect(windowError(win('2027-02-08T06:00+05:00', '2027-02-08T20:00+05:00'))).toBeNull();
    });

    it('rejects an end at or before the start', () => {
      expect(windowError(win('2027-02-08T06:00+05:00', '2027-02-08T06:00+05:00'))).toBe(
        'endsAt must be after startsAt',
      );
      expect(windowError(win('2027-02-08T06:00+05:00', '2027-02-08T05:59+05:00'))).toBe(
        'endsAt must be after startsAt',
      );
    });

    it('rejects invalid dates', () => {
      expect(windowError(win('not a date', '2027-02-08T06:00+05:00'))).toBe('startsAt must be a valid date');
      expect(windowError(win('2027-02-08T06:00+05:00', 'nope'))).toBe('endsAt must be a valid date');
      expect(
        windowError({
          startsAt: '2027-02-08' as unknown as Date,
          endsAt: at('2027-02-09'),
        }),
      ).toBe('startsAt must be a valid date');
    });

    it('allows exactly seven days by default and no more', () => {
      expect(DEFAULT_WINDOW_LIMITS.maxHours).toBe(168);
      expect(windowError(win('2027-02-01T00:00Z', '2027-02-08T00:00Z'))).toBeNull();
      expect(windowError(win('2027-02-01T00:00Z', '2027-02-08T00:01Z'))).toBe(
        'duty window must not be longer than 168 hours',
      );
    });

    it('takes a custom maximum', () => {
      expect(
        windowError(win('2027-02-08T00:00Z', '2027-02-08T13:00Z'), {
          maxHours: 12,
        }),
      ).toBe('duty window must not be longer than 12 hours');
      expect(
        windowError(win('2027-02-08T00:00Z', '2027-02-08T12:00Z'), {
          maxHours: 12,
        }),
      ).toBeNull();
    });
  });

  describe('windowsOverlap', () => {
    const morning = win('2027-02-08T06:00+05:00', '2027-02-08T14:00+05:00');

    it('detects partial and full overlap either way round', () => {
      const afternoon = win('2027-02-08T13:00+05:00', '2027-02-08T22:00+05:00');
      const inside = win('2027-02-08T08:00+05:00', '2027-02-08T09:00+05:00');
      expect(windowsOverlap(morning, afternoon)).toBe(true);
      expect(windowsOverlap(afternoon, morning)).toBe(true);
      expect(windowsOverlap(morning, inside)).toBe(true);
      expect(windowsOverlap(inside, morning)).toBe(true);
      expect(windowsOverlap(morning, morning)).toBe(true);
    });

    it('does not count touching end-to-start as overlap', () => {
      const relief = win('2027-02-08T14:00+05:00', '2027-02-08T22:00+05:00');
      expect(windowsOverlap(morning, relief)).toBe(false);
      expect(windowsOverlap(relief, morning)).toBe(false);
    });

    it('compares instants, not wall-clock text', () => {
      expect(windowsOverlap(morning, win('2027-02-08T08:59Z', '2027-02-08T10:00Z'))).toBe(true);
      expect(windowsOverlap(morning, win('2027-02-08T09:00Z', '2027-02-08T10:00Z'))).toBe(false);
    });

    it('never overlaps an empty window', () => {
      expect(windowsOverlap(morning, win('2027-02-08T10:00+05:00', '2027-02-08T10:00+05:00'))).toBe(false);
    });

    it('is false for disjoint windows', () => {
      expect(windowsOverlap(morning, win('2027-02-09T06:00+05:00', '2027-02-09T14:00+05:00'))).toBe(false);
    });
  });

  describe('durationHours', () => {
    it('measures elapsed hours, including fractions', () => {
      expect(durationHours(win('2027-02-08T06:00+05:00', '2027-02-08T20:00+05:00'))).toBe(14);
      expect(durationHours(win('2027-02-08T06:00+05:00', '2027-02-08T06:45+05:00'))).toBe(0.75);
    });

    it('counts real hours across a DST change', () => {
      expect(durationHours(win('2027-03-28T00:00+00:00', '2027-03-28T12:00+01:00'))).toBe(11);
    });
  });

  it('recognises valid dates only', () => {
    expect(isValidDate(at('2027-02-08'))).toBe(true);
    expect(isValidDate(at('x'))).toBe(false);
    expect(isValidDate('2027-02-08')).toBe(false);
  });
});
