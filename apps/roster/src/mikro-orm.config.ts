import { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ServiceEntity, serviceOrmOptions } from '@rasad/common';
import { OutboxMessage } from '@rasad/messaging';
import { DutyAssignment } from './assignments/duty-assignment.entity';
import { District } from './geography/district.entity';
import { PoliceStation } from './geography/police-station.entity';
import { Tehsil } from './geography/tehsil.entity';
import { Migration20261128000000RosterBase } from './migrations/Migration20261128000000RosterBase';
import { Migration20261128100000RosterEvents } from './migrations/Migration20261128100000RosterEvents';
import { Migration20261128200000RosterImportScope } from './migrations/Migration20261128200000RosterImportScope';
import { Migration20261128400000RosterPersonnelDutyIndex } from './migrations/Migration20261128400000RosterPersonnelDutyIndex';
import { Migration20261129000000RosterPersonnelDeactivation } from './migrations/Migration20261129000000RosterPersonnelDeactivation';
import { Migration20261129000100RosterChangeReason } from './migrations/Migration20261129000100RosterChangeReason';
import { Migration20261129100000RosterRole } from './migrations/Migration20261129100000RosterRole';
import { Migration20261130500000RosterOutboxTrace } from './migrations/Migration20261130500000RosterOutboxTrace';
import { Personnel } from './personnel/personnel.entity';
import { Post } from './posts/post.entity';
import { Unit } from './units/unit.entity';

export const ROSTER_SCHEMA = 'roster';

export function rosterOrmOptions(databaseUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return serviceOrmOptions({
    databaseUrl,
    poolMax,
    schema: ROSTER_SCHEMA,
    entities: [ServiceEntity, District, Tehsil, PoliceStation, Unit, Post, Personnel, DutyAssignment, OutboxMessage],
    migrations: {
      Migration20261128000000RosterBase,
      Migration20261128100000RosterEvents,
      Migration20261128200000RosterImportScope,
      Migration20261128400000RosterPersonnelDutyIndex,
      Migration20261129000000RosterPersonnelDeactivation,
      Migration20261129000100RosterChangeReason,
      Migration20261129100000RosterRole,
      Migration20261130500000RosterOutboxTrace,
    },
  });
}
