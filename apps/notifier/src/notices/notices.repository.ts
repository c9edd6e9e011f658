import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, RetentionRule, pageRows } from '@rasad/common';
import { CallerScope, NoticeChannel, NoticeStatus, NotificationView, Page, PageQuery } from '@rasad/contracts';
import { uuidArray, wordArray } from '@rasad/messaging';
import { Notice, NoticeRecord, noticeRecordView } from './notice.entity';

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

/** Notices whose delivery is over go after `days`, by when they were written; pending ones stay however old. */
export function noticesRetention(days: number): RetentionRule {
  return {
    kind: 'notices',
    table: 'notifier.notice',
    olderThan: 'created_at',
    where: "status in ('sent', 'failed')",
    days,
  };
}

export interface NoticeFilter {
  personnelId?: string;
  status?: NoticeStatus[];
  channel?: NoticeChannel[];
  since?: Date;
}

/** The delivery log is read newest first, as an officer checks what just went out; the id breaks ties. */
const NOTICE_ORDER: ListOrder = {
  keys: { createdAt: 'created_at', sentAt: 'sent_at', name: 'person_name', status: 'status', kind: 'kind' },
  natural: '-createdAt',
};

/** The log's columns (never the phone), with the person as the directory knows them, if it does. */
const SELECT_LOG = `
  select n.id, n.event_id, n.event_type, n.personnel_id, n.kind, n.channel, n.language, n.body, n.segments,
    n.encoding, n.status, n.attempts, n.last_error, n.next_attempt_at, n.sent_at, n.created_at,
    r.name as person_name, r.rank, r.service_number
  from notifier.notice n left join notifier.personnel r on r.id = n.personnel_id`;

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

  /**
   * Who answers for a person on these nights (local dates, in `timeZone`): the in-charges, other than the person, of
   * each post where the person has a live duty meeting a night's window, on duty there in that window. A night's
   * window runs from noon of its date to the end of the next day: the evening they should have arrived, and the
   * day's duty the bed was for.
   */
  async inChargesOfNights(
    em: EntityManager,
    personnelId: string,
    nights: readonly string[],
    timeZone: string,
  ): Promise<string[]> {
    const rows = await em.execute<{ personnel_id: string }[]>(
      `with night as (
         select (n + time '12:00') at time zone ? as from_at, (n + 2)::timestamp at time zone ? as to_at
         from unnest(?::date[]) as n
       ), posted as (
         select d.post_id, night.from_at, night.to_at from notifier.duty d
         join night on d.starts_at < night.to_at and d.ends_at > night.from_at
         where d.personnel_id = ? and d.status <> 'cancelled'
       )
       select distinct i.personnel_id from notifier.duty i
       join posted p on p.post_id = i.post_id and i.starts_at < p.to_at and i.ends_at > p.from_at
       where i.role = 'in_charge' and i.status <> 'cancelled' and i.personnel_id <> ?
       order by i.personnel_id`,
      [timeZone, timeZone, wordArray(nights), personnelId, personnelId],
    );
    return rows.map((row) => row.personnel_id);
  }

  /** A person as another's notice names them; whoever the notifier has not heard of is absent. */
  people(
    em: EntityManager,
    personnelIds: readonly string[],
  ): Promise<{ id: string; name: string; serviceNumber: string }[]> {
    return em.execute(
      // A service number is null for someone recorded before the projection kept it, until their next event.
      `select id, name, coalesce(service_number, '') as "serviceNumber" from notifier.personnel
       where id = any(?::uuid[])`,
      [uuidArray(personnelIds)],
    );
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
   * One page of the delivery log, newest first unless sorted. A notice belongs to the district of the session or
   * post it is about; one without a district only admins see.
   */
  list(
    em: EntityManager,
    filter: NoticeFilter,
    scope: CallerScope,
    pageQuery: PageQuery,
  ): Promise<Page<NotificationView>> {
    const districts = uuidArray(scope.districtIds);
    const conditions = ['(?::uuid[] is null or n.district_id = any(?::uuid[]))'];
    const params: unknown[] = [districts, districts];
    if (filter.personnelId) {
      conditions.push('n.personnel_id = ?');
      params.push(filter.personnelId);
    }
    if (filter.status) {
      conditions.push('n.status = any(?::text[])');
      params.push(wordArray(filter.status));
    }
    if (filter.channel) {
      conditions.push('n.channel = any(?::text[])');
      params.push(wordArray(filter.channel));
    }
    if (filter.since) {
      conditions.push('n.created_at >= ?');
      params.push(filter.since);
    }
    return pageRows<NoticeRecord, NotificationView>(
      em,
      { sql: `${SELECT_LOG} where ${conditions.join(' and ')}`, params },
      pageQuery,
      noticeRecordView,
      NOTICE_ORDER,
    );
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
