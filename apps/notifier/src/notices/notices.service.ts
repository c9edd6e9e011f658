import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CallerScope, ListNotificationsQuery, NotificationView, Page } from '@rasad/contracts';
import { NoticesRepository } from './notices.repository';

/** The delivery log, newest first, narrowed to the caller's districts. */
@Injectable()
export class NoticesService {
  constructor(
    private readonly em: EntityManager,
    private readonly notices: NoticesRepository,
  ) {}

  list(query: ListNotificationsQuery, scope: CallerScope): Promise<Page<NotificationView>> {
    const { personnelId, status, channel, since } = query;
    const filter = { personnelId, status, channel, since: since ? new Date(since) : undefined };
    return this.notices.list(this.em, filter, scope, query);
  }
}
