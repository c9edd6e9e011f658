import { Client, Pool } from 'pg';
import { BenchConfig } from './config';
import {
  SEED_DISTRICTS,
  SEED_DUTIES,
  SEED_PERSONNEL,
  SEED_POLICE_STATIONS,
  SEED_POSTS,
  SEED_REFERENCE_EVENTS,
  SEED_TEHSILS,
  SEED_UNITS,
} from './seed.sql';

/**
 * One run at a time per bench database: a second would drop the first one's database. (Two runs on other
 * databases at once skew each other's figures: the bench warns when the machine is busy.) The lock lasts as long
 * as the returned connection.
 */
export async function lockBench(databaseUrl: string): Promise<Client> {
  const client = new Client({ connectionString: adminUrl(databaseUrl) });
  await client.connect();
  const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [
    `rasad.bench:${new URL(databaseUrl).pathname}`,
  ]);
  if (!rows[0].locked) {
    await client.end();
    throw new Error(`another bench run is using ${databaseUrl}; wait for it, or set BENCH_DATABASE_URL`);
  }
  return client;
}

/** Drops and creates the bench database; the roster migrates it when it starts. */
export async function recreateDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[\w-]+$/.test(name) || !name.includes('bench')) {
    throw new Error(`refusing to drop database "${name}": its name must contain "bench"`);
  }
  const client = new Client({ connectionString: adminUrl(databaseUrl) });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * Seeds the geography, posts, people and their duties, and the events of the districts and posts for the consumers
 * (see SEED_REFERENCE_EVENTS); returns how many duties there are.
 */
export async function seedRoster(pool: Pool, { seed }: BenchConfig): Promise<number> {
  const steps: [string, string, number?][] = [
    ['districts', SEED_DISTRICTS, seed.districts],
    ['tehsils', SEED_TEHSILS, seed.tehsilsPerDistrict],
    ['police stations', SEED_POLICE_STATIONS, seed.stationsPerTehsil],
    ['units', SEED_UNITS],
    ['posts', SEED_POSTS, seed.posts],
    ['personnel', SEED_PERSONNEL, seed.personnel],
    ['duty assignments', SEED_DUTIES],
  ];
  let duties = 0;
  for (const [what, sql, count] of steps) {
    duties = (await pool.query(sql, count === undefined ? [] : [count])).rowCount ?? 0;
    console.log(`  seeded ${duties.toLocaleString('en')} ${what}`);
  }
  let events = 0;
  for (const sql of SEED_REFERENCE_EVENTS) {
    events += (await pool.query(sql)).rowCount ?? 0;
  }
  console.log(`  and ${events.toLocaleString('en')} events of districts and posts in the roster's outbox`);
  await pool.query('analyze');
  return duties;
}

/** What each service's schema takes on disk (tables, their indexes and TOAST), in MB; the bench's own left out. */
export async function schemaSizesMb(pool: Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ schema: string; bytes: string }>(
    `select n.nspname as schema, sum(pg_total_relation_size(c.oid))::bigint as bytes
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'm') and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'bench_copy')
     group by n.nspname order by n.nspname`,
  );
  return Object.fromEntries(rows.map(({ schema, bytes }) => [schema, Math.round(Number(bytes) / 1024 / 1024)]));
}

function adminUrl(databaseUrl: string): string {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  return admin.toString();
}

export async function assignmentIds(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>('select id from roster.duty_assignment');
  return rows.map((r) => r.id);
}

/** Codes an import may reference: every unit and district the seed created. */
export async function referenceCodes(pool: Pool): Promise<{ units: string[]; districts: string[] }> {
  const units = await pool.query<{ code: string }>('select code from roster.unit order by code');
  const districts = await pool.query<{ code: string }>('select code from roster.district order by code');
  return { units: units.rows.map((r) => r.code), districts: districts.rows.map((r) => r.code) };
}

/** The duties posted in the districts with these codes (the scoped officer's), and one posted elsewhere. */
export async function assignmentIdsIn(
  pool: Pool,
  districtCodes: string[],
): Promise<{ inScope: string[]; outOfScope: string }> {
  const { rows } = await pool.query<{ id: string; in_scope: boolean }>(
    `select a.id, d.code = any($1::text[]) as in_scope
     from roster.duty_assignment a join roster.post p on p.id = a.post_id join roster.district d on d.id = p.district_id`,
    [districtCodes],
  );
  const outOfScope = rows.find((r) => !r.in_scope)?.id;
  if (!outOfScope) {
    throw new Error(`every duty lies in ${districtCodes.join(', ')}: the scope check would go untested`);
  }
  return { inScope: rows.filter((r) => r.in_scope).map((r) => r.id), outOfScope };
}
