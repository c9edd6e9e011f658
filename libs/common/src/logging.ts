import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import pino from 'pino';

/** Fields that must never reach a log line: national ID numbers, phones, credentials. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.cnic',
  '*.phone',
  '*.password',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.*.cnic',
  '*.*.phone',
];

/** A calendar link's token is its only key (calendar apps cannot sign in): it stays out of logs like a password. */
const CALENDAR_TOKEN = /(\/calendar\/)[^/?]+(\.ics)$/;

/**
 * A logged URL keeps its path and the names of its query parameters, not their values: `?search=` carries CNICs
 * and phone numbers.
 */
export function loggableUrl(url: string): string {
  const [rawPath, query] = url.split('?', 2);
  const path = rawPath.replace(CALENDAR_TOKEN, '$1[redacted]$2');
  if (!query) {
    return path;
  }
  const names = [...new URLSearchParams(query).keys()];
  return `${path}?${names.map((name) => `${name}=…`).join('&')}`;
}

export function pinoParams(service: string, level: string, http: boolean, file?: string): Params {
  const options = {
    level,
    name: service,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service },
    autoLogging: http,
    // Fastify has already named the request (see the gateway's genReqId); pino-http reuses req.id.
    genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
    customProps: (req: IncomingMessage) => ({ requestId: (req as IncomingMessage & { id?: string }).id }),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: loggableUrl(req.url),
      }),
    },
  };
  // LOG_FILE sends the JSON lines to a file instead of stdout (used by the test that greps logs for personal data).
  return { pinoHttp: file ? [options, pino.destination({ dest: file, sync: true, mkdir: true })] : options };
}
