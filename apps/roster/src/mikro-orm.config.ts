import { Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { DutyAssignment } from './assignments/duty-assignment.entity';
import { District } from './geography/district.entity';
import { PoliceStation } from './geography/police-station.entity';
import { Tehsil } from './geography/tehsil.entity';
import { Migration20261128000000RosterBase } from './migrations/Migration20261128000000RosterBase';
import { Migration20261128100000RosterEvents } from './migrations/Migration20261128100000RosterEvents';
import { Migration20261128200000RosterImportScope } from './migrations/Migration20261128200000RosterImportScope';
import { OutboxMessage } from '@rasad/messaging';
import { Personnel } from './personnel/personnel.entity';
import { Post } from './posts/post.entity';
import { RosterEntity } from './shared/base.entity';
import { Unit } from './units/unit.entity';

export const ROSTER_SCHEMA = 'roster';

/** Migrations are listed, not globbed, so the webpack bundle carries them. */
export function rosterOrmOptions(databaseUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    schema: ROSTER_SCHEMA,
    entities: [RosterEntity, District, Tehsil, PoliceStation, Unit, Post, Personnel, DutyAssignment, OutboxMessage],
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: [
        { name: 'Migration20261128000000RosterBase', class: Migration20261128000000RosterBase },
        { name: 'Migration20261128100000RosterEvents', class: Migration20261128100000RosterEvents },
        { name: 'Migration20261128200000RosterImportScope', class: Migration20261128200000RosterImportScope },
      ],
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    pool: { min: 0, max: poolMax },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: true },
    debug: false,
  };
}
