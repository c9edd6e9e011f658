import { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { serviceOrmOptions } from '@rasad/common';
import { OutboxMessage } from '@rasad/messaging';
import { Migration__STAMP__Base } from './migrations/Migration__STAMP__Base';
import { Migration__STAMP1__Role } from './migrations/Migration__STAMP1__Role';
import { Note } from './notes/note.entity';

export const __SCHEMA_CONST__ = '__schema__';

export function __camel__OrmOptions(databaseUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return serviceOrmOptions({
    databaseUrl,
    poolMax,
    schema: __SCHEMA_CONST__,
    // What is written through the unit of work (OutboxMessage: events recorded in the same flush as the change).
    entities: [Note, OutboxMessage],
    migrations: { Migration__STAMP__Base, Migration__STAMP1__Role },
  });
}
