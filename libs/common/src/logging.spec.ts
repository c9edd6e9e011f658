import { prettyFactory } from 'pino-pretty';
import { PRETTY_OPTIONS, logFormat, loggableUrl } from './logging';

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

describe('logFormat', () => {
  it('is pretty at a terminal and JSON lines otherwise, unless LOG_FORMAT says', () => {
    expect(logFormat({}, true)).toBe('pretty');
    expect(logFormat({}, false)).toBe('json');
    expect(logFormat({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormat({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
  });

  it('writes JSON lines to a LOG_FILE whatever the terminal', () => {
    expect(logFormat({ LOG_FILE: '/tmp/rasad.log', LOG_FORMAT: 'pretty' }, true)).toBe('json');
  });
});

describe('PRETTY_OPTIONS', () => {
  it('reads service, context and message on one line, other fields after them', () => {
    const pretty = prettyFactory({ ...PRETTY_OPTIONS, colorize: false });
    const line = pretty({
      level: 30,
      time: Date.UTC(2027, 1, 8, 6, 0, 0),
      pid: 1,
      hostname: 'h',
      name: 'notifier',
      service: 'notifier',
      context: 'OutboxRelay',
      msg: 'published 500 events',
      batch: 3,
    });
    expect(line).toMatch(/INFO.*notifier OutboxRelay: published 500 events \{"batch":3\}\n$/);
    expect(line).not.toContain('hostname');
  });

  it('reads an HTTP request as method, path, status and time', () => {
    const pretty = prettyFactory({ ...PRETTY_OPTIONS, colorize: false });
    const line = pretty({
      level: 30,
      time: 0,
      service: 'gateway',
      msg: 'request completed',
      req: { id: 'r1', method: 'GET', url: '/health' },
      res: { statusCode: 200, headers: { 'x-request-id': 'r1' } },
      responseTime: 3,
      requestId: 'r1',
    });
    expect(line).toMatch(/gateway request completed GET \/health 200 3 ms \{"requestId":"r1"\}\n$/);
  });
});
