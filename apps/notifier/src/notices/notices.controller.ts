import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CallerScope, ListNotificationsQuery, NotificationView, NotifierSubjects, Page } from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { NoticesService } from './notices.service';

@Controller()
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @MessagePattern(NotifierSubjects.notificationList)
  list(@Payload() query: ListNotificationsQuery, @Scope() scope: CallerScope): Promise<Page<NotificationView>> {
    return this.notices.list(query, scope);
  }
}
