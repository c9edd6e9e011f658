import { ApiProperty } from '@nestjs/swagger';
import { IsUrl, IsUUID, Matches } from 'class-validator';

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

/** The gateway adds where it is reached from outside, so the link it sends the person is whole. */
export class CalendarLinkIssueMessage extends CalendarLinkRequest {
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  publicBaseUrl: string;
}

/**
 * The token appears here and in the notice that sends the link to the person; only its hash is kept in the link
 * table. Issuing a new link revokes the previous one.
 */
export class CalendarLinkView {
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ description: 'Path of the feed on the gateway, e.g. /api/v1/calendar/<token>.ics' }) path: string;
  @ApiProperty({
    description: 'The whole link, on PUBLIC_BASE_URL, e.g. https://rasad.example.pk/api/v1/calendar/<token>.ics',
  })
  url: string;
  @ApiProperty() token: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PersonalCalendarRequest {
  @Matches(/^[A-Za-z0-9_-]{32,64}$/, { message: 'token is not a calendar link token' })
  token: string;
}
