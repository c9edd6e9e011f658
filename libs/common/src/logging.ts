import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Params } from 'nestjs-pino';
import pino from 'pino';
import pinoPretty, { PrettyOptions } from 'pino-pretty';
// Not in the package's index: the store nestjs-pino's PinoLogger reads before falling back to its process-wide logger.
import { Store, storage } from 'nestjs-pino/storage';

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

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogSettings {
  LOG_LEVEL: string;
  LOG_FILE?: string;
  LOG_FORMAT?: LogFormat;
}

/** Pretty lines for a person at a terminal, JSON lines for everything else (a pipe, a file, a log shipper). */
export function logFormat(
  settings: Pick<LogSettings, 'LOG_FILE' | 'LOG_FORMAT'>,
  isTty = !!process.stdout.isTTY,
): LogFormat {
  if (settings.LOG_FILE) {
    return 'json';
  }
  return settings.LOG_FORMAT ?? (isTty ? 'pretty' : 'json');
}

/**
 * How a pretty line reads: `12:04:31.207 INFO  notifier OutboxRelay: published 500 events {"extra":"fields"}`.
 * scripts/start.js prints its children's JSON lines the same way (keep the two alike).
 */
export const PRETTY_OPTIONS: PrettyOptions = {
  translateTime: 'SYS:HH:MM:ss.l',
  // An HTTP request reads `GET /api/v1/posts 200 12 ms` instead of its request and response objects.
  ignore: 'pid,hostname,name,service,context,req,res,responseTime',
  singleLine: true,
  messageFormat: (log, messageKey) => {
    const text = (value: unknown) =>
      typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
    const req = log.req as { method?: string; url?: string } | undefined;
    const res = log.res as { statusCode?: number } | undefined;
    const request = req
      ? ` ${text(req.method)} ${text(req.url)}${res ? ` ${text(res.statusCode)}` : ''}` +
        (log.responseTime === undefined ? '' : ` ${text(log.responseTime)} ms`)
      : '';
    return `${text(log.service)} ${log.context ? `${text(log.context)}: ` : ''}${text(log[messageKey])}${request}`;
  },
};

const loggers = new Map<string, pino.Logger>();

/**
 * The service's pino logger, one per service and settings in a process: `serviceModule` hands it to nestjs-pino and
 * `createService` runs the service inside it (see `withServiceLogs`), so services started in one process (the e2e
 * harness) each log as themselves.
 */
export function serviceLogger(service: string, settings: LogSettings): pino.Logger {
  const format = logFormat(settings);
  const key = JSON.stringify([service, settings.LOG_LEVEL, settings.LOG_FILE, format]);
  let logger = loggers.get(key);
  if (!logger) {
    const options: pino.LoggerOptions = {
      level: settings.LOG_LEVEL,
      name: service,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service },
    };
    // LOG_FILE sends the JSON lines to a file instead of stdout (used by the tests that grep logs for personal data).
    const destination = settings.LOG_FILE
      ? pino.destination({ dest: settings.LOG_FILE, sync: true, mkdir: true })
      : format === 'pretty'
        ? pinoPretty({ ...PRETTY_OPTIONS, colorize: !!process.stdout.isTTY, sync: true })
        : pino.destination({ dest: 1, sync: true }); // as pino does by default: no line lost when a process exits
    logger = pino(options, destination);
    loggers.set(key, logger);
  }
  return logger;
}

/**
 * Runs `work` with the service's logger as nestjs-pino's current one. nestjs-pino keeps one logger per process (the
 * first built) for every line outside an HTTP request, and Nest's `new Logger(context)` goes to the last app's: in a
 * process running several services every line said `"service":"roster"`. Timers, NATS subscriptions and pools made
 * inside `work` carry the store along (AsyncLocalStorage), so their lines name the right service too.
 */
export function withServiceLogs<T>(logger: pino.Logger, work: () => T): T {
  return storage.run(new Store(logger), work);
}

/**
 * Makes the app's `methods` run inside `withServiceLogs`, with `afterListen` once `listen` has resolved. Defined on the
 * instance, not assigned: Nest's app proxy ignores assignments; its exception zone calls the method on the app itself
 * (`this`), which is also what the prototype's method must get (a write through the proxy is refused).
 */
export function runWithServiceLogs<T extends object>(
  app: T,
  logger: pino.Logger,
  methods: ('init' | 'listen' | 'close')[],
  afterListen?: () => void,
): T {
  const prototype = Reflect.getPrototypeOf(app) as Record<string, (...args: unknown[]) => unknown>;
  for (const method of methods) {
    const original = prototype[method];
    Object.defineProperty(app, method, {
      configurable: true,
      value: function (this: T, ...args: unknown[]) {
        return withServiceLogs(logger, async () => {
          const result = await original.apply(this, args);
          if (method === 'listen') {
            afterListen?.();
          }
          return result;
        });
      },
    });
  }
  return app;
}

export function pinoParams(service: string, settings: LogSettings, http: boolean): Params {
  return {
    pinoHttp: {
      logger: serviceLogger(service, settings),
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
    },
  };
}
