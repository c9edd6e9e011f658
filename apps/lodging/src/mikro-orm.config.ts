import { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { serviceOrmOptions } from '@rasad/common';
import { OutboxMessage } from '@rasad/messaging';
import { Migration20261130013915Base } from './migrations/Migration20261130013915Base';
import { Migration20261130013916Role } from './migrations/Migration20261130013916Role';
import { Migration20261130020000LodgingRosterProjection } from './migrations/Migration20261130020000LodgingRosterProjection';
import { Migration20261130030000LodgingWelfareChecks } from './migrations/Migration20261130030000LodgingWelfareChecks';
import { Migration20261130500000LodgingOutboxTrace } from './migrations/Migration20261130500000LodgingOutboxTrace';
import { Bed, Room } from './sites/room.entity';
import { Site } from './sites/site.entity';

export const LODGING_SCHEMA = 'lodging';

export function lodgingOrmOptions(databaseUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return serviceOrmOptions({
    databaseUrl,
    poolMax,
    schema: LODGING_SCHEMA,
    // What is written through the unit of work (OutboxMessage: events recorded in the same flush as the change).
    entities: [Site, Room, Bed, OutboxMessage],
    migrations: {
      Migration20261130013915Base,
      Migration20261130013916Role,
      Migration20261130020000LodgingRosterProjection,
      Migration20261130030000LodgingWelfareChecks,
      Migration20261130500000LodgingOutboxTrace,
    },
  });
}
