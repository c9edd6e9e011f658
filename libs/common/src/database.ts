import { Client } from 'pg';

/** Creates the database named in the URL when it does not exist yet (connecting to `postgres` to do so). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[\w-]+$/.test(name)) {
    throw new Error(`DATABASE_URL names an unusable database: "${name}"`);
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) {
      return false;
    }
    await client.query(`create database "${name}"`);
    return true;
  } catch (error) {
    // Another process created it between our check and our create (42P04, or 23505 when both raced).
    const code = (error as { code?: string }).code;
    if (code === '42P04' || code === '23505') {
      return false;
    }
    throw error;
  } finally {
    await client.end();
  }
}
