import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

export const ICS_SCHEMA = { type: 'string', example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nEND:VCALENDAR' };

export class CalendarFileParam {
  @ApiProperty({ example: 'q3X…Zk.ics', description: 'The token of a calendar link, then .ics' })
  @Matches(/^[A-Za-z0-9_-]{32,64}\.ics$/, { message: 'file must be a calendar link token followed by .ics' })
  file: string;
}
