import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';

/** Replicas starting together take turns: a session advisory lock per schema serialises their migrations. */
export async function migrateWithLock(orm: MikroORM, databaseUrl: string, schema: string): Promise<void> {
  const lock = new Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [`rasad.${schema}.migrations`]);
    await orm.getMigrator().up();
  } finally {
    await lock.end();
  }
}
