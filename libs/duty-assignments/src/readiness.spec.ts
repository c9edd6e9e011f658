import { readinessColour } from './readiness';

const startsAt = new Date('2027-02-08T06:00+05:00');
const hoursBefore = (hours: number) => new Date(startsAt.getTime() - hours * 60 * 60 * 1000);

describe('readinessColour', () => {
  it('is green when nothing is missing, however close the start', () => {
    expect(readinessColour({ missing: [], startsAt, now: hoursBefore(1) })).toBe('green');
    expect(readinessColour({ missing: [], startsAt, now: hoursBefore(-3) })).toBe('green');
  });

  it('is amber when something is missing more than 24 hours out', () => {
    expect(readinessColour({ missing: ['bed'], startsAt, now: hoursBefore(48) })).toBe('amber');
    expect(
      readinessColour({
        missing: ['bed'],
        startsAt,
        now: new Date(hoursBefore(24).getTime() - 1),
      }),
    ).toBe('amber');
  });

  it('is red when something is missing 24 hours or less out', () => {
    expect(readinessColour({ missing: ['bed'], startsAt, now: hoursBefore(24) })).toBe('red');
    expect(
      readinessColour({
        missing: ['transport', 'meals'],
        startsAt,
        now: hoursBefore(2),
      }),
    ).toBe('red');
  });

  it('is red when the duty has already started', () => {
    expect(
      readinessColour({
        missing: ['briefing'],
        startsAt,
        now: hoursBefore(-1),
      }),
    ).toBe('red');
  });

  it('takes a custom horizon', () => {
    expect(
      readinessColour({
        missing: ['bed'],
        startsAt,
        now: hoursBefore(10),
        amberHorizonHours: 6,
      }),
    ).toBe('amber');
    expect(
      readinessColour({
        missing: ['bed'],
        startsAt,
        now: hoursBefore(48),
        amberHorizonHours: 72,
      }),
    ).toBe('red');
  });
});
