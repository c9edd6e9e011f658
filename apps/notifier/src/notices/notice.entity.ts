import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { NoticeChannel, NoticeKind, NoticeStatus, NotificationView } from '@rasad/contracts';
import { Language, Rank } from '@rasad/personnel';
import { SmsEncoding } from '../sms/segments';

/** One message to one person on one channel about one event (unique together), with its delivery state. */
@Entity({ tableName: 'notice' })
export class Notice {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  eventId: string;

  @Property({ type: 'text' })
  eventType: string;

  @Property({ type: 'uuid' })
  personnelId: string;

  /** The district of the session or post it is about: who may read it. */
  @Property({ type: 'uuid', nullable: true })
  districtId: string | null;

  @Property({ type: 'text' })
  kind: NoticeKind;

  @Property({ type: 'text' })
  channel: NoticeChannel;

  @Property({ type: 'text' })
  language: Language;

  @Property({ type: 'text' })
  body: string;

  @Property({ type: 'integer' })
  segments: number;

  @Property({ type: 'text' })
  encoding: SmsEncoding;

  @Property({ type: 'text' })
  status: Opt<NoticeStatus> = 'pending';

  @Property({ type: 'integer' })
  attempts: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}

/** A notice as the delivery log's SQL reads it, with the person from the directory (null if not heard of). */
export interface NoticeRecord {
  id: string;
  event_id: string;
  event_type: string;
  personnel_id: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  language: Language;
  body: string;
  segments: number;
  encoding: SmsEncoding;
  status: NoticeStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | string | null;
  sent_at: Date | string | null;
  created_at: Date | string;
  person_name: string | null;
  rank: Rank | null;
  service_number: string | null;
}

const iso = (date: Date | string | null) => (date ? new Date(date).toISOString() : null);

/** The delivery log's view: no phone number, ever. */
export function noticeRecordView(row: NoticeRecord): NotificationView {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    personnelId: row.personnel_id,
    personnel:
      row.person_name === null
        ? null
        : { name: row.person_name, rank: row.rank as Rank, serviceNumber: row.service_number },
    kind: row.kind,
    channel: row.channel,
    language: row.language,
    body: row.body,
    segments: row.segments,
    encoding: row.encoding,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: iso(row.next_attempt_at),
    sentAt: iso(row.sent_at),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
