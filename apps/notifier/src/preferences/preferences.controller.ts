import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NoticeChannelView, PersonnelIdRequest, SetNoticeChannelMessage, Subjects } from '@rasad/contracts';
import { PreferencesService } from './preferences.service';

@Controller()
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @MessagePattern(Subjects.noticeChannelGet)
  get(@Payload() { personnelId }: PersonnelIdRequest): Promise<NoticeChannelView> {
    return this.preferences.get(personnelId);
  }

  @MessagePattern(Subjects.noticeChannelSet)
  set(@Payload() message: SetNoticeChannelMessage): Promise<NoticeChannelView> {
    return this.preferences.set(message);
  }
}
