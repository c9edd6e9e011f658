import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export class DistrictCalendarQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;
}

/** An iCalendar (RFC 5545) document as text. */
export interface CalendarFeedReply {
  ics: string;
}

export class CalendarLinkRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personnelId: string;
}

/** The token appears once, here; only its hash is stored. Issuing a new link revokes the previous one. */
export class CalendarLinkView {
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ description: 'Path of the feed on the gateway, e.g. /api/v1/calendar/<token>.ics' }) path: string;
  @ApiProperty() token: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PersonalCalendarRequest {
  @Matches(/^[A-Za-z0-9_-]{32,64}$/, { message: 'token is not a calendar link token' })
  token: string;
}
