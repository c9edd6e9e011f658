import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { LANGUAGES, Language, RANKS, Rank } from '@rasad/personnel';
import { IsIsoWithOffset } from '../common.dto';
import { AnyOf, PageQuery } from '../pagination';

export const NOTICE_CHANNELS = ['sms', 'webhook', 'log'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const NOTICE_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** Which template a notice was made from. */
export const NOTICE_KINDS = [
  'briefing_invitation',
  'briefing_rescheduled',
  'briefing_cancelled',
  'briefing_invitation_cancelled',
  'briefing_reminder',
  'duty_posted',
  'duty_cancelled',
  'duty_changed',
  'calendar_link',
  'meal_dispatched',
  'transport_booked',
  'transport_cancelled',
  'lodging_allocated',
  'lodging_no_show',
  'lodging_no_show_officer',
  'readiness_digest',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  personnelId?: string;

  @AnyOf(NOTICE_STATUSES)
  status?: NoticeStatus[];

  @AnyOf(NOTICE_CHANNELS)
  channel?: NoticeChannel[];

  @ApiPropertyOptional({
    description: 'Notices created at or after this instant',
    example: '2027-02-01T00:00:00+05:00',
  })
  @IsOptional()
  @IsIsoWithOffset()
  since?: string;
}

/** The person a notice went to, as the notifier knows them from the roster's events. */
export class NoticePersonView {
  @ApiProperty() name: string;
  @ApiProperty({ enum: RANKS }) rank: Rank;
  @ApiProperty({ type: String, nullable: true, description: "Null until the person's next roster event" })
  serviceNumber: string | null;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The event the notice reports' }) eventId: string;
  @ApiProperty() eventType: string;
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ type: NoticePersonView, nullable: true, description: 'Null if the notifier has not heard of them' })
  personnel: NoticePersonView | null;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: NoticeKind;
  @ApiProperty({ enum: NOTICE_CHANNELS }) channel: NoticeChannel;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ description: 'The text as sent' }) body: string;
  @ApiProperty({ description: 'SMS segments (GSM-7: 160/153 characters, UCS-2: 70/67)' }) segments: number;
  @ApiProperty({ enum: ['gsm7', 'ucs2'] }) encoding: 'gsm7' | 'ucs2';
  @ApiProperty({ enum: NOTICE_STATUSES }) status: NoticeStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** A person's own channel; `null` returns them to the deployment's default. */
export class SetNoticeChannelRequest {
  @ApiProperty({ enum: NOTICE_CHANNELS, nullable: true, type: String })
  @IsOptional()
  @IsIn(NOTICE_CHANNELS)
  channel: NoticeChannel | null;
}

export class SetNoticeChannelMessage extends SetNoticeChannelRequest {
  @IsUUID()
  personnelId: string;
}

export class NoticeChannelView {
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ enum: NOTICE_CHANNELS, nullable: true, type: String }) channel: NoticeChannel | null;
  @ApiProperty({ enum: NOTICE_CHANNELS, description: 'What the next notice will use' }) effectiveChannel: NoticeChannel;
}
