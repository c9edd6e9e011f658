import { Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';

export interface ServiceOrmSettings {
  databaseUrl: string;
  /** The service's own schema: its tables, its migrations table. */
  schema: string;
  entities: NonNullable<Options['entities']>;
  /**
   * Listed, not globbed, so a webpack bundle carries them; applied in this order. Named explicitly: a bundler that
   * renamed classes would otherwise make every migration look new.
   */
  migrations: Record<string, Constructor<Migration>>;
  poolMax?: number;
}

/** The MikroORM settings every Rasad service shares: one schema each, UTC, no global EntityManager. */
export function serviceOrmOptions(settings: ServiceOrmSettings): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl: settings.databaseUrl,
    schema: settings.schema,
    entities: settings.entities,
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: Object.entries(settings.migrations).map(([name, migration]) => ({ name, class: migration })),
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    pool: { min: 0, max: settings.poolMax ?? 10 },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: true },
    debug: false,
  };
}
