import { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { serviceOrmOptions } from '@rasad/common';
import { OutboxMessage } from '@rasad/messaging';
import { Migration20261130045927Base } from './migrations/Migration20261130045927Base';
import { Migration20261130045928Role } from './migrations/Migration20261130045928Role';
import { Migration20261130050000ReadinessModel } from './migrations/Migration20261130050000ReadinessModel';
import { Migration20261130060000ReadinessDigest } from './migrations/Migration20261130060000ReadinessDigest';
import { Migration20261130061500ReadinessMissingCount } from './migrations/Migration20261130061500ReadinessMissingCount';
import { Migration20261130070000ReadinessOutboxTrace } from './migrations/Migration20261130070000ReadinessOutboxTrace';
import { Migration20261130080000ReadinessRollupIndex } from './migrations/Migration20261130080000ReadinessRollupIndex';

export const READINESS_SCHEMA = 'readiness';

export function readinessOrmOptions(databaseUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return serviceOrmOptions({
    databaseUrl,
    poolMax,
    schema: READINESS_SCHEMA,
    // What is written through the unit of work (OutboxMessage: events recorded in the same flush as the change).
    entities: [OutboxMessage],
    migrations: {
      Migration20261130045927Base,
      Migration20261130045928Role,
      Migration20261130050000ReadinessModel,
      Migration20261130060000ReadinessDigest,
      Migration20261130061500ReadinessMissingCount,
      Migration20261130070000ReadinessOutboxTrace,
      Migration20261130080000ReadinessRollupIndex,
    },
  });
}
