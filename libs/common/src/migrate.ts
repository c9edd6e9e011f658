import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';

export interface DatabaseUrls {
  /** What the service serves with: in production its own role (rasad_<schema>). */
  DATABASE_URL: string;
  /** Who may create the database, roles and tables; DATABASE_URL when absent (a developer's machine, the tests). */
  DATABASE_ADMIN_URL?: string;
}

/** The deploy step's flag: migrate the service's schema as the admin, then stop (docker-compose.yml's *-migrate). */
export const MIGRATE_ONLY_FLAG = '--migrate-only';

/**
 * Migrates the service's schema, as the admin URL when one is given (the service's own role may not create tables).
 * Services and replicas starting together take turns: one session advisory lock for the whole database serialises
 * their migrations, since some create objects the database shares (`create extension if not exists btree_gist`, run
 * by two services at once, fails one of them with a duplicate key: `npm start` starts every service together). With
 * `--migrate-only` the process stops here, so a deploy step can migrate with the admin URL and the service itself
 * never holds it.
 */
export async function migrateWithLock(orm: MikroORM, urls: DatabaseUrls, schema: string): Promise<void> {
  const adminUrl = urls.DATABASE_ADMIN_URL ?? urls.DATABASE_URL;
  const lock = new Client({ connectionString: adminUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', ['rasad.migrations']);
    if (adminUrl === urls.DATABASE_URL) {
      await orm.getMigrator().up();
    } else {
      const admin = await MikroORM.init({ ...orm.config.getAll(), clientUrl: adminUrl, pool: { min: 0, max: 1 } });
      try {
        await admin.getMigrator().up();
      } finally {
        await admin.close(true);
      }
    }
  } finally {
    await lock.end();
  }
  if (process.argv.includes(MIGRATE_ONLY_FLAG)) {
    process.stdout.write(`${schema}: migrated\n`);
    process.exit(0);
  }
}
