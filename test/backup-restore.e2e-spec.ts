import { loadEnv } from '@rasad/common';
import {
  NatsServerProcess,
  TestDatabase,
  TestApi,
  createGeography,
  createPersonnel,
  createTestDatabase,
  dutyBody,
  eventually,
} from '@rasad/testing';
import { RasadOptions, PerApp, RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';

const run = promisify(execFile);
const root = resolve(__dirname, '..');
const perApp: PerApp = { gateway: { RASAD_SERVICES: 'roster,notifier', RASAD_EVENT_CONSUMERS: 'notifier' } };
const options: RasadOptions = { services: [(env) => createNotifier(loadEnv(NotifierEnv, env))] };

/** `npm run backup` of a running Rasad, `npm run restore` into a fresh database and broker, and Rasad started on them. */
describe('backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasad-backup-'));
  let source: RunningRasad | undefined;
  let restored: RunningRasad | undefined;
  let target: TestDatabase | undefined;
  let broker: NatsServerProcess | undefined;

  afterAll(async () => {
    await source?.stop();
    await restored?.stop();
    await target?.drop();
    await broker?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const script = (name: string, args: string[], env: Record<string, string>) =>
    run(process.execPath, [join(root, 'scripts', name), ...args], { cwd: root, env: { ...process.env, ...env } });

  const caughtUp = (api: TestApi) =>
    eventually(
      async () => {
        const status = await api.get('/api/v1/status/consumers');
        expect(status.body).toMatchObject({ caughtUp: true });
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );

  async function rows(url: string, sql: string): Promise<number> {
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      return Number((await db.query<{ n: string }>(`select count(*) as n from ${sql}`)).rows[0].n);
    } finally {
      await db.end();
    }
  }

  it('restores every schema and the stream into fresh ones, and the services start on them and answer', async () => {
    source = await startRasad('backup-source', {}, perApp, options);
    const geo = await createGeography(source.api, 'BKP');
    const people = [];
    for (let i = 0; i < 5; i += 1) {
      people.push(await createPersonnel(source.api, geo));
    }
    expect((await source.api.post('/api/v1/assignments', dutyBody(people[0].id, geo.postId))).status).toBe(201);
    await caughtUp(source.api);
    const personnel = (await source.api.get('/api/v1/personnel?limit=1')).body.total as number;
    const person = (await source.api.get(`/api/v1/personnel/${people[2].id}`)).body;
    const inbox = await rows(source.database.url, 'notifier.inbox');
    const notices = await rows(source.database.url, 'notifier.notice');
    expect(personnel).toBe(5);
    expect(inbox).toBeGreaterThan(5);
    expect(notices).toBe(1);

    const backup = await script('backup.js', ['--out', dir], {
      DATABASE_URL: source.database.url,
      NATS_URL: source.broker!.url,
    });
    expect(backup.stdout).toMatch(/^backup: \d+ events of RASAD_EVENTS and 3 schemas/);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    // One file per schema of the services that ran.
    expect(manifest.schemas.map((s: { schema: string }) => s.schema)).toEqual(['gateway', 'notifier', 'roster']);
    const events = manifest.stream.messages as number;
    expect(events).toBeGreaterThan(5);
    await source.stop();
    source = undefined;

    target = await createTestDatabase('backup-target');
    broker = await NatsServerProcess.start();
    const restore = await script('restore.js', [dir], { DATABASE_URL: target.url, NATS_URL: broker.url });
    expect(restore.stdout).toContain(`${events} events into RASAD_EVENTS`);
    // A second restore into the same database refuses before writing anything.
    await expect(script('restore.js', [dir], { DATABASE_URL: target.url, NATS_URL: broker.url })).rejects.toThrow(
      /already has schema gateway, notifier, roster/,
    );

    restored = await startRasad('backup-restored', { DATABASE_URL: target.url, NATS_URL: broker.url }, perApp, options);
    // The same admin signed in (startRasad logs in with the suite's password), the same people.
    expect((await restored.api.get('/api/v1/personnel?limit=1')).body.total).toBe(personnel);
    expect((await restored.api.get(`/api/v1/personnel/${people[2].id}`)).body).toEqual(person);
    // The notifier's new durable consumer reads the restored stream from its start: its inbox drops every event.
    await caughtUp(restored.api);
    expect(await rows(target.url, 'notifier.inbox')).toBe(inbox);
    expect(await rows(target.url, 'notifier.notice')).toBe(notices);

    // And it carries on: a new person goes through the outbox, the restored stream and the notifier.
    await createPersonnel(restored.api, geo);
    await eventually(async () => expect(await rows(target!.url, 'notifier.inbox')).toBe(inbox + 1), {
      timeoutMs: 15_000,
    });
  });
});
