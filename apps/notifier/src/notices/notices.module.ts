import { Module } from '@nestjs/common';
import { DirectoryConsumer } from '../directory/directory.consumer';
import { BriefingNoticesConsumer } from './briefing-notices.consumer';
import { DutyNoticesConsumer } from './duty-notices.consumer';
import { NoticeWriter } from './notice-writer';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

@Module({
  controllers: [NoticesController],
  providers: [NoticeWriter, NoticesService, DirectoryConsumer, BriefingNoticesConsumer, DutyNoticesConsumer],
})
export class NoticesModule {}
