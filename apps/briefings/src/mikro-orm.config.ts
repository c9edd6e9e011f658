import { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ServiceEntity, serviceOrmOptions } from '@rasad/common';
import { OutboxMessage } from '@rasad/messaging';
import { Invitation } from './invitations/invitation.entity';
import { Migration20261128500000BriefingsBase } from './migrations/Migration20261128500000BriefingsBase';
import { Migration20261128600000BriefingsReminders } from './migrations/Migration20261128600000BriefingsReminders';
import { Migration20261128610000BriefingsCalendarLinks } from './migrations/Migration20261128610000BriefingsCalendarLinks';
import { Migration20261129100000BriefingsRole } from './migrations/Migration20261129100000BriefingsRole';
import { Migration20261129710000BriefingsServiceNumberIndex } from './migrations/Migration20261129710000BriefingsServiceNumberIndex';
import { Migration20261130100000BriefingsRosterProjection } from './migrations/Migration20261130100000BriefingsRosterProjection';
import { Migration20261130500000BriefingsOutboxTrace } from './migrations/Migration20261130500000BriefingsOutboxTrace';
import { BriefingSession } from './sessions/briefing-session.entity';

export const BRIEFINGS_SCHEMA = 'briefings';

export function briefingsOrmOptions(databaseUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return serviceOrmOptions({
    databaseUrl,
    poolMax,
    schema: BRIEFINGS_SCHEMA,
    entities: [ServiceEntity, BriefingSession, Invitation, OutboxMessage],
    migrations: {
      Migration20261128500000BriefingsBase,
      Migration20261128600000BriefingsReminders,
      Migration20261128610000BriefingsCalendarLinks,
      Migration20261129100000BriefingsRole,
      Migration20261129710000BriefingsServiceNumberIndex,
      Migration20261130100000BriefingsRosterProjection,
      Migration20261130500000BriefingsOutboxTrace,
    },
  });
}
