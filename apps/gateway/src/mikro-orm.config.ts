import { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { serviceOrmOptions } from '@rasad/common';
import { AuditEntry } from './audit/audit-entry.entity';
import { Migration20261128300000GatewayBase } from './migrations/Migration20261128300000GatewayBase';
import { Migration20261129100000GatewayRole } from './migrations/Migration20261129100000GatewayRole';
import { Migration20261129230000GatewaySessions } from './migrations/Migration20261129230000GatewaySessions';
import { User } from './users/user.entity';

export const GATEWAY_SCHEMA = 'gateway';

export function gatewayOrmOptions(databaseUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return serviceOrmOptions({
    databaseUrl,
    poolMax,
    schema: GATEWAY_SCHEMA,
    entities: [User, AuditEntry],
    migrations: {
      Migration20261128300000GatewayBase,
      Migration20261129100000GatewayRole,
      Migration20261129230000GatewaySessions,
    },
  });
}
