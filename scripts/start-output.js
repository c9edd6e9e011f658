// What `npm start` shows: its children write JSON lines (LOG_FORMAT=json); this reads them and prints them pretty on a
// terminal (or LOG_FORMAT=pretty), as JSON lines otherwise (or LOG_FORMAT=json). On top of each service's own lines it
// says when each service is ready and, once all are, where to go; the notices the log channel writes (thousands for the
// demo) are counted and summed up every few seconds instead of printed one by one.
'use strict';
const readline = require('node:readline');

const SUMMARY_EVERY_MS = 5000;
// Nest's own start-up lines (one per module, controller and route): noise for someone starting Rasad.
const FRAMEWORK_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestMicroservice',
  'NestApplication',
]);
const INFO = 30;

// The same reading as PRETTY_OPTIONS in libs/common/src/logging.ts (a service at a terminal): keep the two alike.
function prettyOptions() {
  const text = (value) => (typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));
  return {
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,name,service,context,req,res,responseTime',
    singleLine: true,
    colorize: !!process.stdout.isTTY,
    messageFormat: (log, messageKey) => {
      const request = log.req
        ? ` ${text(log.req.method)} ${text(log.req.url)}${log.res ? ` ${text(log.res.statusCode)}` : ''}` +
          (log.responseTime === undefined ? '' : ` ${text(log.responseTime)} ms`)
        : '';
      return `${text(log.service)} ${log.context ? `${text(log.context)}: ` : ''}${text(log[messageKey])}${request}`;
    },
  };
}

const number = (n) => n.toLocaleString('en-US');

/**
 * @param {{ apps: string[], startedAt: number }} options
 * @returns {{ follow(app: string, stream: NodeJS.ReadableStream): void, say(message: string, fields?: object): void, stop(): void }}
 */
function startOutput({ apps, startedAt }) {
  const format = process.env.LOG_FORMAT || (process.stdout.isTTY ? 'pretty' : 'json');
  const pretty = format === 'pretty' ? require('pino-pretty').prettyFactory(prettyOptions()) : null;
  const ready = new Map();
  let gatewayUrl = null;
  let password = null;
  let announced = false;
  const notices = { counts: new Map(), channel: 'log', total: 0, shownFirst: false };

  const write = (line) => process.stdout.write(line.endsWith('\n') ? line : `${line}\n`);
  const say = (message, fields = {}) => {
    if (pretty) {
      write(`rasad: ${message}`);
    } else {
      write(JSON.stringify({ level: INFO, time: Date.now(), service: 'rasad', ...fields, msg: message }));
    }
  };
  const seconds = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;

  const summariseNotices = () => {
    if (notices.counts.size === 0) {
      return;
    }
    const kinds = [...notices.counts].map(([kind, count]) => `${number(count)} ${kind}`).join(', ');
    const count = [...notices.counts.values()].reduce((sum, n) => sum + n, 0);
    notices.counts.clear();
    const message = `notifier: ${number(count)} notices logged (${notices.channel} channel): ${kinds}; ${number(notices.total)} since start`;
    say(message, { notices: count, total: notices.total });
  };
  const timer = setInterval(summariseNotices, SUMMARY_EVERY_MS);
  timer.unref();

  const whereToGo = () => {
    if (announced || !apps.every((app) => ready.has(app))) {
      return;
    }
    announced = true;
    const base = gatewayUrl || `http://${process.env.HOST || '127.0.0.1'}:${process.env.PORT || 3000}`;
    if (!pretty) {
      say('every service is ready', { ready: [...ready.keys()], docs: `${base}/docs`, console: `${base}/` });
      return;
    }
    const signIn = password
      ? `admin / ${password}   (shown this once; change it: PATCH /api/v1/users/<id>)`
      : 'admin, with the password shown at the first start (or RASAD_ADMIN_PASSWORD)';
    write(
      [
        '',
        `rasad: every service is ready (${seconds()})`,
        `  console    ${base}/`,
        `  API docs   ${base}/docs`,
        `  sign in    ${signIn}`,
        '  logs       pretty here; LOG_FORMAT=json for JSON lines, LOG_LEVEL=debug for more',
        '',
      ].join('\n'),
    );
  };

  const onJson = (app, log) => {
    if (log.context === 'Notice') {
      // The log channel's notices: the first in full (what a notice looks like), the rest counted.
      notices.total += 1;
      notices.counts.set(log.kind, (notices.counts.get(log.kind) || 0) + 1);
      if (notices.shownFirst) {
        return;
      }
      notices.shownFirst = true;
    } else if (log.ready) {
      ready.set(app, Date.now());
      if (app === 'gateway' && log.url) {
        gatewayUrl = log.url;
      }
      if (pretty) {
        say(`${app} ready (${seconds()})`);
        whereToGo();
        return;
      }
    } else if (log.level <= INFO && FRAMEWORK_CONTEXTS.has(log.context)) {
      return;
    }
    write(pretty ? pretty(log) : JSON.stringify(log));
    whereToGo();
  };

  const onLine = (app, line) => {
    let log = null;
    if (line.startsWith('{')) {
      try {
        log = JSON.parse(line);
      } catch {
        log = null;
      }
    }
    if (log) {
      onJson(app, log);
      return;
    }
    // The first admin's password is printed outside the structured log (so it is never shipped to a log store): held
    // back for the "where to go" lines on a terminal, passed through as it is otherwise.
    const created = /created user "admin" with password (\S+)/.exec(line);
    if (created && pretty) {
      password = created[1];
      return;
    }
    if (pretty && (line.trim() === '' || /^Change it: PATCH/.test(line))) {
      return;
    }
    write(line);
  };

  return {
    follow(app, stream) {
      readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => onLine(app, line));
    },
    say,
    stop() {
      clearInterval(timer);
      summariseNotices();
    },
  };
}

module.exports = { startOutput };
