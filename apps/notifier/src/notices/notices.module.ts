import { Module } from '@nestjs/common';
import { rosterProjection } from '@rasad/roster-projection';
import { DirectoryRepository } from '../directory/directory.repository';
import { NOTIFIER_SCHEMA } from '../mikro-orm.config';
import { BriefingNoticesConsumer } from './briefing-notices.consumer';
import { DutyNoticesConsumer } from './duty-notices.consumer';
import { LodgingNoticesConsumer } from './lodging-notices.consumer';
import { MealNoticesConsumer } from './meal-notices.consumer';
import { NoticeWriter } from './notice-writer';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';
import { ReadinessNoticesConsumer } from './readiness-notices.consumer';
import { TransportNoticesConsumer } from './transport-notices.consumer';

@Module({
  controllers: [NoticesController],
  providers: [
    NoticeWriter,
    NoticesService,
    NoticesRepository,
    DirectoryRepository,
    BriefingNoticesConsumer,
    DutyNoticesConsumer,
    MealNoticesConsumer,
    TransportNoticesConsumer,
    LodgingNoticesConsumer,
    ReadinessNoticesConsumer,
    // The notifier's copy of the roster, with phones (it alone sends to people); duty events end in posting notices.
    ...rosterProjection({
      schema: NOTIFIER_SCHEMA,
      tables: ['personnel', 'post', 'duty'],
      phones: true,
      hooks: DutyNoticesConsumer,
    }),
  ],
})
export class NoticesModule {}
