import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallerScope,
  NoticeChannelView,
  NotifierSubjects,
  PersonnelIdRequest,
  SetNoticeChannelMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { PreferencesService } from './preferences.service';

@Controller()
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @MessagePattern(NotifierSubjects.noticeChannelGet)
  get(@Payload() { personnelId }: PersonnelIdRequest, @Scope() scope: CallerScope): Promise<NoticeChannelView> {
    return this.preferences.get(personnelId, scope);
  }

  @MessagePattern(NotifierSubjects.noticeChannelSet)
  set(@Payload() message: SetNoticeChannelMessage, @Scope() scope: CallerScope): Promise<NoticeChannelView> {
    return this.preferences.set(message, scope);
  }
}
