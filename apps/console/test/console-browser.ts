import { demoUuid, loadEnv } from '@rasad/common';
import { TestApi, eventually } from '@rasad/testing';
import { RunningRasad, startRasad } from '@rasad/testing/rasad-app';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { Browser, Page, chromium } from 'playwright-core';
import { createBriefings } from '../../briefings/src/bootstrap';
import { BriefingsEnv } from '../../briefings/src/briefings.env';
import { createLodging, seedLodgingDemo } from '../../lodging/src/bootstrap';
import { LodgingEnv } from '../../lodging/src/lodging.env';
import { createMeals } from '../../meals/src/bootstrap';
import { MealsEnv } from '../../meals/src/meals.env';
import { seedDemo } from '../../roster/src/bootstrap';
import { createReadiness } from '../../readiness/src/bootstrap';
import { ReadinessEnv } from '../../readiness/src/readiness.env';
import { createTransport } from '../../transport/src/bootstrap';
import { TransportEnv } from '../../transport/src/transport.env';

const ROOT = resolve(__dirname, '../../..');
export const CONSOLE_DIR = join(ROOT, 'dist', 'console');
/** Kept by the run (gitignored): one PNG per page and viewport. */
export const SCREENSHOTS = join(ROOT, 'test-output', 'console');
/** Debian's package; `.ci/run` installs it where missing. CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** The suite serves what `npm run build` would: built here when the sources are newer than dist/console. */
export function buildConsoleIfStale(): void {
  const page = join(CONSOLE_DIR, 'index.html');
  const sources = Math.max(newest(join(ROOT, 'apps/console/src')), newest(join(ROOT, 'apps/console/index.html')));
  if (existsSync(page) && statSync(page).mtimeMs >= sources) {
    return;
  }
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--config', 'apps/console/vite.config.mts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) {
    throw new Error(`vite build failed: ${built.stderr}${built.stdout}`);
  }
}

/** The whole of Rasad that the console reads, with the Haripur demo loaded and every service caught up on it. */
export async function startConsoleRasad(): Promise<{ rasad: RunningRasad; db: Client }> {
  const rasad = await startRasad(
    'console',
    {},
    {
      gateway: {
        CONSOLE_DIR,
        RASAD_SERVICES: 'roster,briefings,meals,lodging,transport,readiness',
        RASAD_EVENT_CONSUMERS: 'briefings,meals,lodging,transport,readiness',
      },
    },
    {
      services: [
        (env) => createBriefings(loadEnv(BriefingsEnv, env)),
        (env) => createMeals(loadEnv(MealsEnv, { ...env, RASAD_DEMO_DATA: 'true' })),
        (env) => createLodging(loadEnv(LodgingEnv, { ...env, RASAD_DEMO_DATA: 'false' })),
        (env) => createTransport(loadEnv(TransportEnv, { ...env, RASAD_DEMO_DATA: 'false' })),
        (env) => createReadiness(loadEnv(ReadinessEnv, env)),
      ],
    },
  );
  const db = new Client({ connectionString: rasad.database.url });
  await db.connect();
  await seedDemo(rasad.roster, true);
  await seedLodgingDemo(rasad.services[2]);
  await eventually(
    async () => {
      const { rows } = await db.query<{ behind: number }>(
        `select (select count(*)::int from roster.duty_assignment) * 3
                - (select count(*)::int from meals.duty) - (select count(*)::int from lodging.duty)
                - (select count(*)::int from transport.duty) as behind`,
      );
      expect(rows[0].behind).toBe(0);
    },
    { timeoutMs: 240_000, intervalMs: 1000 },
  );
  // Readiness judges every duty of the demo, from every service's events.
  const { rows } = await db.query<{ duties: number }>(
    `select count(*)::int as duties from roster.duty_assignment where status <> 'cancelled'`,
  );
  await eventually(
    async () => {
      const summary = await rasad.api.get<{ totals: { assignments: number } }>(
        `/api/v1/readiness/summary?districtId=${demoUuid('district:HRP')}`,
      );
      expect(summary.status).toBe(200);
      expect(summary.body.totals.assignments).toBe(rows[0].duties);
    },
    { timeoutMs: 240_000, intervalMs: 1000 },
  );
  return { rasad, db };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is; evaluated through the protocol, so the CSP allows it. */
export async function seriousViolations(
  page: Page,
): Promise<{ id: string; impact: string | null; targets: string[] }[]> {
  await page.evaluate(AXE);
  // A string, evaluated in the page: these tests compile without the DOM's types.
  const violations = await page.evaluate<AxeViolation[]>(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations)`);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation').waitFor();
}

export async function createUser(
  admin: TestApi,
  username: string,
  role: string,
  districtIds: string[],
  password: string,
) {
  const created = await admin.post('/api/v1/users', { username, password, role, districtIds });
  expect(created.status).toBe(201);
}
