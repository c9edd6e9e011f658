import { PersonnelIdRequest } from '../common.dto';
import { Page } from '../pagination';
import { registerServiceContract } from '../service-contract';
import {
  ListNotificationsQuery,
  NoticeChannelView,
  NotificationView,
  SetNoticeChannelMessage,
} from './notifications.contract';

export * from './notifications.contract';
export * from './webhook-signature';

/**
 * Everything the notifier shares with its callers, in one folder: its subjects, its part of the RPC map and its queue
 * group. It publishes no events (docs/adding-a-service.md).
 */
export const NotifierSubjects = {
  ping: 'notifier.health.ping.v1',
  notificationList: 'notifier.notification.list.v1',
  noticeChannelSet: 'notifier.channel.set.v1',
  noticeChannelGet: 'notifier.channel.get.v1',
} as const;

declare module '../rpc-map' {
  interface RpcMap {
    [NotifierSubjects.notificationList]: { request: ListNotificationsQuery; reply: Page<NotificationView> };
    [NotifierSubjects.noticeChannelSet]: { request: SetNoticeChannelMessage; reply: NoticeChannelView };
    [NotifierSubjects.noticeChannelGet]: { request: PersonnelIdRequest; reply: NoticeChannelView };
  }
}

registerServiceContract({ service: 'notifier', queue: 'notifier', events: {} });
