import { loadEnv } from '@rasad/common';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotifier } from '../apps/notifier/src/bootstrap';
import { NotifierEnv } from '../apps/notifier/src/notifier.env';

// nestjs-pino keeps one logger per process for lines outside an HTTP request: services started in one process (this
// harness) all logged as the first one, "service":"roster", into the roster's LOG_FILE. Each must log as itself.
describe('service logs in one process', () => {
  const logs = mkdtempSync(join(tmpdir(), 'rasad-service-logs-'));
  const logFile = (app: string) => join(logs, `${app}.log`);
  let rasad: RunningRasad;

  beforeAll(async () => {
    rasad = await startRasad(
      'service-logs',
      { LOG_LEVEL: 'info' },
      {
        roster: { LOG_FILE: logFile('roster') },
        gateway: { LOG_FILE: logFile('gateway'), RASAD_SERVICES: 'roster,notifier' },
      },
      { services: [(env) => createNotifier(loadEnv(NotifierEnv, { ...env, LOG_FILE: logFile('notifier') }))] },
    );
  });

  afterAll(async () => {
    await rasad?.stop();
    rmSync(logs, { recursive: true, force: true });
  });

  const linesOf = (app: string) =>
    readFileSync(logFile(app), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { service: string; context?: string; msg: string; ready?: boolean });

  it('writes each service its own lines, named after it, and a ready line once it listens', async () => {
    expect((await rasad.api.get('/health')).status).toBe(200);
    for (const app of ['roster', 'notifier']) {
      const lines = linesOf(app);
      expect(lines.filter((line) => line.service !== app)).toEqual([]);
      expect(lines).toContainEqual(
        expect.objectContaining({ ready: true, msg: `ready: answering in queue group ${app}` }),
      );
      // Nest's own `new Logger(context)` lines, made while the app started, are the service's too.
      expect(lines.some((line) => line.context === 'InstanceLoader')).toBe(true);
    }
    const gateway = linesOf('gateway');
    expect(gateway.length).toBeGreaterThan(0);
    expect(gateway.filter((line) => line.service !== 'gateway')).toEqual([]);
  });
});
