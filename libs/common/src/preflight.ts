import { connect } from 'nats';
import { Client } from 'pg';
import { ensureDatabase } from './database';
import { provisionServiceRole } from './database-roles';
import { redactUrl } from './env';
import type { DatabaseUrls } from './migrate';

const PG_HINT =
  'start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` or `docker compose up -d postgres`, or set DATABASE_URL';
const NATS_HINT = 'start it with `nats-server -js` (or `docker compose up -d nats`), or set NATS_URL';

/** A missing database or broker is an operator's problem: say which URL and how to fix it, in one line. */
export class PreflightError extends Error {}

/** Creates the database when missing (a fresh machine has only `postgres` and `test`), then checks it answers. */
export async function preparePostgres(url: string, timeoutMs = 5000): Promise<void> {
  try {
    await ensureDatabase(url);
  } catch (error) {
    throw new PreflightError(`Cannot reach PostgreSQL at ${redactUrl(url)} (${describe(error)}): ${PG_HINT}.`);
  }
  await checkPostgres(url, timeoutMs);
}

/**
 * A service's database before it starts: created when missing (as the admin URL when given), and the service's own
 * role made to log in with the password in DATABASE_URL (see provisionServiceRole); then DATABASE_URL must answer.
 */
export async function prepareDatabases(urls: DatabaseUrls, schema: string, timeoutMs = 5000): Promise<void> {
  const adminUrl = urls.DATABASE_ADMIN_URL ?? urls.DATABASE_URL;
  await preparePostgres(adminUrl, timeoutMs);
  if (adminUrl === urls.DATABASE_URL) {
    return;
  }
  try {
    await provisionServiceRole(adminUrl, urls.DATABASE_URL, schema);
  } catch (error) {
    throw new PreflightError(`Cannot prepare the ${schema} role with ${redactUrl(adminUrl)}: ${describe(error)}.`);
  }
  await checkPostgres(urls.DATABASE_URL, timeoutMs);
}

export async function checkPostgres(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new PreflightError(`Cannot reach PostgreSQL at ${redactUrl(url)} (${describe(error)}): ${PG_HINT}.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkNats(
  url: string,
  auth: { user?: string; pass?: string } = {},
  timeoutMs = 5000,
): Promise<void> {
  try {
    const nc = await connect({ servers: url.split(','), timeout: timeoutMs, reconnect: false, ...auth });
    await nc.close();
  } catch (error) {
    throw new PreflightError(`Cannot reach NATS at ${redactUrl(url)} (${describe(error)}): ${NATS_HINT}.`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** Runs a process's start-up and turns a preflight failure into one line on stderr and exit code 1. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    if (
      error instanceof PreflightError ||
      (error instanceof Error && error.message.startsWith('Invalid configuration'))
    ) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  });
}
