import { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { serviceOrmOptions } from '@rasad/common';
import { OutboxMessage } from '@rasad/messaging';
import { Kitchen } from './kitchens/kitchen.entity';
import { Migration20261130013857MealsBase } from './migrations/Migration20261130013857MealsBase';
import { Migration20261130013858MealsRole } from './migrations/Migration20261130013858MealsRole';
import { Migration20261130500000MealsOutboxTrace } from './migrations/Migration20261130500000MealsOutboxTrace';

export const MEALS_SCHEMA = 'meals';

export function mealsOrmOptions(databaseUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return serviceOrmOptions({
    databaseUrl,
    poolMax,
    schema: MEALS_SCHEMA,
    // What is written through the unit of work (OutboxMessage: events recorded in the same flush as the change).
    // Plans are written in SQL (generation writes hundreds at once), in the plans' repository.
    entities: [Kitchen, OutboxMessage],
    migrations: {
      Migration20261130013857MealsBase,
      Migration20261130013858MealsRole,
      Migration20261130500000MealsOutboxTrace,
    },
  });
}
