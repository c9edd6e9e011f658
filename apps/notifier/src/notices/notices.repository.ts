import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { page } from '@rasad/common';
import { CallerScope, NoticeStatus, NotificationView, Page, PageQuery } from '@rasad/contracts';
import { restrict } from '@rasad/messaging';
import { Notice, noticeView } from './notice.entity';

/** A notice as written: due at once when pending, or failed from the start (with why). */
export type NewNotice = Pick<
  Notice,
  | 'id'
  | 'eventId'
  | 'eventType'
  | 'personnelId'
  | 'districtId'
  | 'kind'
  | 'channel'
  | 'language'
  | 'body'
  | 'segments'
  | 'encoding'
  | 'lastError'
> & { status: 'pending' | 'failed' };

export interface NoticeFilter {
  personnelId?: string;
  status?: NoticeStatus;
  since?: Date;
}

/** The notice table's SQL, and who a post's notices go to. */
@Injectable()
export class NoticesRepository {
  /**
   * The post's in-charges on duty around a meal: a live `in_charge` duty there whose window meets the time between
   * the dispatch and the slot's start (whichever comes first) and a minute after the later one.
   */
  async inChargesAround(em: EntityManager, postId: string, from: Date, to: Date): Promise<string[]> {
    const rows = await em.execute<{ personnel_id: string }[]>(
      `select distinct personnel_id from notifier.duty
       where post_id = ? and role = 'in_charge' and status <> 'cancelled'
         and starts_at < ?::timestamptz + interval '1 minute' and ends_at > ?::timestamptz
       order by personnel_id`,
      [postId, to.toISOString(), from.toISOString()],
    );
    return rows.map((row) => row.personnel_id);
  }

  /** One statement for all of an event's notices; one already written for (event, person, channel) is kept. */
  async insert(em: EntityManager, notices: readonly NewNotice[]): Promise<void> {
    if (notices.length === 0) {
      return;
    }
    await em.execute(
      `insert into notifier.notice (id, event_id, event_type, personnel_id, district_id, kind, channel, language,
         body, segments, encoding, status, last_error, next_attempt_at)
       select id, event_id, event_type, personnel_id, district_id, kind, channel, language,
         body, segments, encoding, status, last_error, case when status = 'pending' then now() end
       from jsonb_to_recordset(?::jsonb) as n(id uuid, event_id uuid, event_type text, personnel_id uuid,
         district_id uuid, kind text, channel text, language text, body text, segments int, encoding text,
         status text, last_error text)
       on conflict (event_id, personnel_id, channel) do nothing`,
      [JSON.stringify(notices.map(noticeRecord))],
    );
  }

  /**
   * One page of the delivery log, oldest first (ids are UUID v7). A notice belongs to the district of the session or
   * post it is about; one without a district only admins see.
   */
  list(
    em: EntityManager,
    filter: NoticeFilter,
    scope: CallerScope,
    pageQuery: PageQuery,
  ): Promise<Page<NotificationView>> {
    const qb = em.createQueryBuilder(Notice, 'n');
    if (filter.personnelId) {
      qb.andWhere({ personnelId: filter.personnelId });
    }
    if (filter.status) {
      qb.andWhere({ status: filter.status });
    }
    if (filter.since) {
      qb.andWhere({ createdAt: { $gte: filter.since } });
    }
    restrict(qb, scope, 'n.district_id in {districts}');
    return page(qb, pageQuery, noticeView);
  }
}

/** The recordset's column names for the fields whose names differ. */
function noticeRecord({ eventId, eventType, personnelId, districtId, lastError, ...same }: NewNotice) {
  return {
    ...same,
    event_id: eventId,
    event_type: eventType,
    personnel_id: personnelId,
    district_id: districtId,
    last_error: lastError,
  };
}
