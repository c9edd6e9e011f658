import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@rasad/messaging';
import { __Pascal__Env } from './__name__.env';
import { __SCHEMA_CONST__, __camel__OrmOptions } from './mikro-orm.config';
import { NotesModule } from './notes/notes.module';

@Module({})
export class __Pascal__Module {
  static forRoot(env: __Pascal__Env): DynamicModule {
    return serviceModule({
      module: __Pascal__Module,
      service: '__name__',
      env,
      envClass: __Pascal__Env,
      schema: __SCHEMA_CONST__,
      orm: __camel__OrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX),
      imports: [NotesModule],
      // Add `consumer: {}` when a context handles another service's events (@OnEvent, @OnEventBatch), or keeps a copy
      // of the roster: `...rosterProjection({ schema, tables: ['post', 'duty'] })` from @rasad/roster-projection among
      // a module's providers, its tables made by `rosterProjectionSql` in a migration (docs/adding-a-service.md).
      // Its sent outbox and inbox rows are purged after RETENTION_OUTBOX_DAYS / RETENTION_INBOX_DAYS; add
      // `retention: [rule]` for old rows of its own tables (the notifier's `noticesRetention`, docs/operations.md).
    });
  }
}
