import { normalizeTimeQuery, withLocalTimes } from './api-times';

describe('times at the API edge', () => {
  const zone = 'Asia/Karachi';

  it('rewrites every UTC instant of an answer with the deployment offset, and nothing else', () => {
    const answer = {
      items: [{ id: 'a', startsAt: '2027-02-08T01:00:00.000Z', note: '2027-02-08T01:00:00.000Z is a time' }],
      nested: { at: '2027-02-07T19:00:00.500Z', day: '2027-02-08', count: 3, none: null },
      nextCursor: null,
    };
    expect(withLocalTimes(answer, zone)).toEqual({
      items: [{ id: 'a', startsAt: '2027-02-08T06:00:00+05:00', note: '2027-02-08T01:00:00.000Z is a time' }],
      nested: { at: '2027-02-08T00:00:00.500+05:00', day: '2027-02-08', count: 3, none: null },
      nextCursor: null,
    });
    expect(answer.items[0].startsAt).toBe('2027-02-08T01:00:00.000Z');
    expect(withLocalTimes('BEGIN:VCALENDAR', zone)).toBe('BEGIN:VCALENDAR');
  });

  it('reads a bare date in a range filter as that local day, and mends a + sent as a space', () => {
    expect(
      normalizeTimeQuery(
        {
          from: '2027-02-08',
          to: '2027-02-08',
          since: '2027-02-08T06:00:00 05:00',
          until: '2027-02-08T06:00 0500',
          search: '2027-02-08',
          limit: '5',
        },
        zone,
      ),
    ).toEqual({
      from: '2027-02-08T00:00:00+05:00',
      to: '2027-02-09T00:00:00+05:00',
      since: '2027-02-08T06:00:00+05:00',
      until: '2027-02-08T06:00+05:00',
      search: '2027-02-08',
      limit: '5',
    });
  });

  it('leaves an impossible date for validation to name', () => {
    expect(normalizeTimeQuery({ from: '2027-02-30' }, zone)).toEqual({ from: '2027-02-30' });
  });
});
