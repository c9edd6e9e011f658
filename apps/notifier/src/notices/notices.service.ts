import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { page } from '@rasad/common';
import { CallerScope, ListNotificationsQuery, NotificationView, Page } from '@rasad/contracts';
import { restrict } from '@rasad/messaging';
import { Notice, noticeView } from './notice.entity';

/** The delivery log, newest last (ids are UUID v7), narrowed to the caller's districts. */
@Injectable()
export class NoticesService {
  constructor(private readonly em: EntityManager) {}

  list(query: ListNotificationsQuery, scope: CallerScope): Promise<Page<NotificationView>> {
    const qb = this.em.createQueryBuilder(Notice, 'n');
    if (query.personnelId) {
      qb.andWhere({ personnelId: query.personnelId });
    }
    if (query.status) {
      qb.andWhere({ status: query.status });
    }
    if (query.since) {
      qb.andWhere({ createdAt: { $gte: new Date(query.since) } });
    }
    // A notice belongs to the district of the session or post it is about; one without a district only admins see.
    restrict(qb, scope, 'n.district_id in {districts}');
    return page(qb, query, noticeView);
  }
}
