import { PassThrough } from 'node:stream';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startOutput } = require('../scripts/start-output') as {
  startOutput: (options: { apps: string[]; startedAt: number }) => {
    follow(app: string, stream: NodeJS.ReadableStream): void;
    say(message: string, fields?: object): void;
    stop(): void;
  };
};

/** What `npm start` prints of its apps' JSON lines: scripts/start-output.js fed lines as the apps write them. */
describe('npm start output', () => {
  let written: string[];
  let spy: jest.SpyInstance;
  const previousFormat = process.env.LOG_FORMAT;

  beforeEach(() => {
    written = [];
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });

  afterEach(() => {
    spy.mockRestore();
    process.env.LOG_FORMAT = previousFormat;
  });

  const line = (fields: object) => `${JSON.stringify({ level: 30, time: Date.now(), ...fields })}\n`;
  const notice = (n: number) =>
    line({ service: 'notifier', context: 'Notice', kind: 'duty_posted', msg: `notice ${n}`, noticeId: `n${n}` });
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  async function feed(format: 'pretty' | 'json') {
    process.env.LOG_FORMAT = format;
    const output = startOutput({ apps: ['roster', 'notifier', 'gateway'], startedAt: Date.now() });
    const streams = { roster: new PassThrough(), notifier: new PassThrough(), gateway: new PassThrough() };
    for (const [app, stream] of Object.entries(streams)) {
      output.follow(app, stream);
    }
    streams.roster.write(
      line({ service: 'roster', context: 'InstanceLoader', msg: 'RosterModule dependencies initialized' }),
    );
    streams.roster.write(
      line({ service: 'roster', context: 'Service', ready: true, msg: 'ready: answering in queue group roster' }),
    );
    streams.notifier.write(
      line({ service: 'notifier', context: 'Service', ready: true, msg: 'ready: answering in queue group notifier' }),
    );
    streams.gateway.write(
      '\nRasad: created user "admin" with password s3cret-Pass\nChange it: PATCH /api/v1/users/<id>\n\n',
    );
    streams.gateway.write(
      line({
        service: 'gateway',
        context: 'Gateway',
        ready: true,
        url: 'http://127.0.0.1:3998',
        msg: 'admin API on …',
      }),
    );
    for (let n = 1; n <= 1200; n += 1) {
      streams.notifier.write(notice(n));
    }
    streams.roster.write(
      line({ service: 'roster', level: 40, context: 'OutboxRelay', msg: 'published 3 of 5 events' }),
    );
    await settle();
    output.stop();
    return written.join('');
  }

  it('on a terminal: a line per service when ready, where to go once all are, notices counted', async () => {
    const text = await feed('pretty');
    expect(text).not.toContain('dependencies initialized');
    expect(text).toMatch(/rasad: roster ready \([\d.]+ s\)\nrasad: notifier ready/);
    const whereToGo = text.indexOf('rasad: every service is ready');
    expect(whereToGo).toBeGreaterThan(text.indexOf('rasad: gateway ready'));
    expect(text.match(/every service is ready/g)).toHaveLength(1);
    expect(text).toContain('  console    http://127.0.0.1:3998/\n  API docs   http://127.0.0.1:3998/docs\n');
    expect(text).toContain('  sign in    admin / s3cret-Pass');
    expect(text.match(/s3cret-Pass/g)).toHaveLength(1);
    // The first notice in full, then none one by one: a count of the other 1,199 with the total.
    expect(text).toMatch(/INFO: notifier Notice: notice 1 \{/);
    expect(text).not.toContain('notice 2 ');
    expect(text).toContain('rasad: notifier: 1,200 notices logged (log channel): 1,200 duty_posted; 1,200 since start');
    expect(text).toMatch(/WARN: roster OutboxRelay: published 3 of 5 events/);
  });

  it('elsewhere: JSON lines, the notices summed up as one', async () => {
    const lines = (await feed('json')).split('\n').filter((one) => one.startsWith('{'));
    const parsed = lines.map((one) => JSON.parse(one) as Record<string, unknown>);
    expect(parsed.filter((one) => one.context === 'Notice')).toHaveLength(1);
    expect(parsed).toContainEqual(expect.objectContaining({ service: 'rasad', notices: 1200, total: 1200 }));
    expect(parsed).toContainEqual(
      expect.objectContaining({ service: 'rasad', msg: 'every service is ready', docs: 'http://127.0.0.1:3998/docs' }),
    );
    expect(parsed.filter((one) => one.ready === true)).toHaveLength(3);
  });
});
