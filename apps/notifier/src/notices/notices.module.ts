import { Module } from '@nestjs/common';
import { DirectoryConsumer } from '../directory/directory.consumer';
import { DirectoryRepository } from '../directory/directory.repository';
import { BriefingNoticesConsumer } from './briefing-notices.consumer';
import { DutyNoticesConsumer } from './duty-notices.consumer';
import { MealNoticesConsumer } from './meal-notices.consumer';
import { NoticeWriter } from './notice-writer';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';

@Module({
  controllers: [NoticesController],
  providers: [
    NoticeWriter,
    NoticesService,
    NoticesRepository,
    DirectoryRepository,
    DirectoryConsumer,
    BriefingNoticesConsumer,
    DutyNoticesConsumer,
    MealNoticesConsumer,
  ],
})
export class NoticesModule {}
