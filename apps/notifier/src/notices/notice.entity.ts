import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { NoticeChannel, NoticeKind, NoticeStatus, NotificationView } from '@rasad/contracts';
import { Language } from '@rasad/personnel';
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

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

/** The delivery log's view: no phone number, ever. */
export function noticeView(notice: Notice): NotificationView {
  return {
    id: notice.id,
    eventId: notice.eventId,
    eventType: notice.eventType,
    personnelId: notice.personnelId,
    kind: notice.kind,
    channel: notice.channel,
    language: notice.language,
    body: notice.body,
    segments: notice.segments,
    encoding: notice.encoding,
    status: notice.status,
    attempts: notice.attempts,
    lastError: notice.lastError,
    nextAttemptAt: iso(notice.nextAttemptAt),
    sentAt: iso(notice.sentAt),
    createdAt: new Date(notice.createdAt).toISOString(),
  };
}
