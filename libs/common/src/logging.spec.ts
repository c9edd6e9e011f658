import { loggableUrl } from './logging';

describe('loggableUrl', () => {
  it('keeps the path and parameter names, never their values', () => {
    expect(loggableUrl('/api/v1/personnel?search=13302-1234567-1&limit=5')).toBe('/api/v1/personnel?search=…&limit=…');
    expect(loggableUrl('/api/v1/posts')).toBe('/api/v1/posts');
  });

  it('leaves out the token of a calendar link', () => {
    const token = 'q3X9-vY_2kLmNoPqRsTuVwXyZ0123456789abcdefGH';
    expect(loggableUrl(`/api/v1/calendar/${token}.ics`)).toBe('/api/v1/calendar/[redacted].ics');
    expect(loggableUrl(`/api/v1/calendar/${token}.ics?x=1`)).toBe('/api/v1/calendar/[redacted].ics?x=…');
    expect(loggableUrl('/api/v1/briefings.ics?districtId=abc')).toBe('/api/v1/briefings.ics?districtId=…');
  });
});
