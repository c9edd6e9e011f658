import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NoticeChannelsService } from './notice-channels.service';
import { NotificationsController } from './notifications.controller';

@Module({ imports: [AuthModule], controllers: [NotificationsController], providers: [NoticeChannelsService] })
export class NotificationsRoutesModule {}
