import { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { serviceOrmOptions } from '@rasad/common';
import { Migration20261128600000NotifierBase } from './migrations/Migration20261128600000NotifierBase';
import { Migration20261129100000NotifierRole } from './migrations/Migration20261129100000NotifierRole';
import { Migration20261129600000NotifierNoticeWake } from './migrations/Migration20261129600000NotifierNoticeWake';
import { Migration20261129300000NotifierScope } from './migrations/Migration20261129300000NotifierScope';
import { Migration20261130100000NotifierRosterProjection } from './migrations/Migration20261130100000NotifierRosterProjection';
import { Migration20261130500000NotifierOutboxTrace } from './migrations/Migration20261130500000NotifierOutboxTrace';
import { Notice } from './notices/notice.entity';
import { ChannelPreference } from './preferences/channel-preference.entity';

export const NOTIFIER_SCHEMA = 'notifier';

export function notifierOrmOptions(databaseUrl: string, poolMax = 10): Options<PostgreSqlDriver> {
  return serviceOrmOptions({
    databaseUrl,
    poolMax,
    schema: NOTIFIER_SCHEMA,
    entities: [ChannelPreference, Notice],
    migrations: {
      Migration20261128600000NotifierBase,
      Migration20261129100000NotifierRole,
      Migration20261129300000NotifierScope,
      Migration20261129600000NotifierNoticeWake,
      Migration20261130100000NotifierRosterProjection,
      Migration20261130500000NotifierOutboxTrace,
    },
  });
}
