import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CallerScope, DEFAULT_PAGE_SIZE, ListNotificationsQuery, NotificationView, Page } from '@rasad/contracts';
import { Notice, noticeView } from './notice.entity';

/** The delivery log, newest last (ids are UUID v7), narrowed to the caller's districts. */
@Injectable()
export class NoticesService {
  constructor(private readonly em: EntityManager) {}

  async list(query: ListNotificationsQuery, scope: CallerScope): Promise<Page<NotificationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
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
    if (query.cursor) {
      qb.andWhere({ id: { $gt: query.cursor } });
    }
    // A notice belongs to the district of the session or post it is about; one without a district only admins see.
    if (scope.districtIds !== null) {
      if (scope.districtIds.length === 0) {
        return { items: [], nextCursor: null };
      }
      qb.andWhere({ districtId: { $in: scope.districtIds } });
    }
    const rows = await qb
      .orderBy({ id: 'asc' })
      .limit(limit + 1)
      .getResultList();
    const more = rows.length > limit;
    const items = (more ? rows.slice(0, limit) : rows).map(noticeView);
    return { items, nextCursor: more ? items[items.length - 1].id : null };
  }
}
