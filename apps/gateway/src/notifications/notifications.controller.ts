import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ListNotificationsQuery,
  NoticeChannelView,
  NotificationView,
  NotifierSubjects,
  PageOf,
  PersonnelIdRequest,
  SetNoticeChannelRequest,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Caller, CurrentCaller } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { NoticeChannelsService } from './notice-channels.service';

@ApiTags('Notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly rasad: RasadClient,
    private readonly channels: NoticeChannelsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Delivery log: each notice with its channel, status, attempts and last error (no phones)' })
  @ApiOkResponse({ type: PageOf(NotificationView) })
  @ApiErrors()
  list(@Query() query: ListNotificationsQuery) {
    return this.rasad.send(NotifierSubjects.notificationList, query);
  }

  @Get('channels/:personnelId')
  @ApiOperation({ summary: "A person's notice channel, and the one their next notice will use" })
  @ApiOkResponse({ type: NoticeChannelView })
  @ApiErrors(404)
  getChannel(@Param() { personnelId }: PersonnelIdRequest) {
    return this.channels.get(personnelId);
  }

  @Put('channels/:personnelId')
  @ApiOperation({ summary: "Set a person's own channel (null: the deployment's default); 400 if not configured" })
  @ApiOkResponse({ type: NoticeChannelView })
  @ApiErrors(404)
  setChannel(
    @Param() { personnelId }: PersonnelIdRequest,
    @Body() { channel }: SetNoticeChannelRequest,
    @CurrentCaller() caller: Caller,
  ) {
    return this.channels.set(personnelId, channel ?? null, caller);
  }
}
