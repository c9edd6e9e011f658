import { Client } from 'pg';

/** The PostgreSQL role a service connects as in production: it can touch its own schema and nothing else. */
export function serviceRoleName(schema: string): string {
  return `rasad_${schema}`;
}

/**
 * Roles are cluster-wide and every database (each test suite's, each engineer's) makes the same one: a role that
 * already exists, or that another session is creating at this moment (a unique violation), is fine.
 */
export function createRoleSql(role: string): string {
  return `do $$ begin create role ${role} login; exception when duplicate_object or unique_violation then null; end $$;`;
}

/**
 * What a service's role-grant migration runs: the role may read and write its schema's rows, use its sequences and
 * call its functions (uuid_v7, triggers), nothing else (no DDL, no other schema). Tables that later migrations
 * create get the same grants through default privileges (for objects the migrating role creates).
 */
export function serviceRoleGrantsSql(schema: string): string[] {
  const role = serviceRoleName(schema);
  const rows = 'select, insert, update, delete, truncate';
  return [
    createRoleSql(role),
    `revoke all on schema ${schema} from public;`,
    `grant usage on schema ${schema} to ${role};`,
    `grant ${rows} on all tables in schema ${schema} to ${role};`,
    `grant usage, select, update on all sequences in schema ${schema} to ${role};`,
    `grant execute on all functions in schema ${schema} to ${role};`,
    `alter default privileges in schema ${schema} grant ${rows} on tables to ${role};`,
    `alter default privileges in schema ${schema} grant usage, select, update on sequences to ${role};`,
    `alter default privileges in schema ${schema} grant execute on functions to ${role};`,
  ];
}

/**
 * When DATABASE_URL names the service's role (`postgres://rasad_roster:…@…`) and a separate admin URL is given, makes
 * sure that role exists and logs in with that password, so an operator sets each password in one place. The
 * password is sent only when the service cannot already log in with it (first deploy, rotation).
 */
export async function provisionServiceRole(adminUrl: string, serviceUrl: string, schema: string): Promise<void> {
  const role = serviceRoleName(schema);
  const service = new URL(serviceUrl);
  if (decodeURIComponent(service.username) !== role || (await logsIn(serviceUrl))) {
    return;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Replicas starting together take turns: concurrent ALTER ROLEs on one role fail.
    await admin.query('select pg_advisory_lock(hashtext($1))', [`rasad.${schema}.role`]);
    await admin.query(createRoleSql(role));
    const password = decodeURIComponent(service.password);
    if (password) {
      await admin.query(`alter role ${role} login password ${admin.escapeLiteral(password)}`);
    }
  } finally {
    await admin.end();
  }
}

async function logsIn(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 28P01 wrong password, 28000 no such role: ours to fix; anything else is the preflight's to report.
    if (code === '28P01' || code === '28000') {
      return false;
    }
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
