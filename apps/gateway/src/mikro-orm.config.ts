import { Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AuditEntry } from './audit/audit-entry.entity';
import { Migration20261128300000GatewayBase } from './migrations/Migration20261128300000GatewayBase';
import { User } from './users/user.entity';

export const GATEWAY_SCHEMA = 'gateway';

export function gatewayOrmOptions(databaseUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    schema: GATEWAY_SCHEMA,
    entities: [User, AuditEntry],
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: [{ name: 'Migration20261128300000GatewayBase', class: Migration20261128300000GatewayBase }],
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    pool: { min: 0, max: poolMax },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
  };
}
