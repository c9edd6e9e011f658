import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CallerScope, ListNotificationsQuery, NotificationView, Page } from '@rasad/contracts';
import { NoticesRepository } from './notices.repository';

/** The delivery log, newest last (ids are UUID v7), narrowed to the caller's districts. */
@Injectable()
export class NoticesService {
  constructor(
    private readonly em: EntityManager,
    private readonly notices: NoticesRepository,
  ) {}

  list(query: ListNotificationsQuery, scope: CallerScope): Promise<Page<NotificationView>> {
    const { personnelId, status, since } = query;
    const filter = { personnelId, status, since: since ? new Date(since) : undefined };
    return this.notices.list(this.em, filter, scope, query);
  }
}
