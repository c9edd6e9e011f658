import { ApiProperty } from '@nestjs/swagger';
import { CalendarFeedReply } from '@rasad/contracts';
import { Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';

/**
 * The feed as text/calendar. Set on success only: an error still goes out as the JSON every route answers with
 * (a route-wide content type would make Fastify refuse to send it).
 */
export function icsReply(reply: FastifyReply, feed: CalendarFeedReply): string {
  void reply.header('content-type', 'text/calendar; charset=utf-8');
  return feed.ics;
}

export const ICS_SCHEMA = { type: 'string', example: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nEND:VCALENDAR' };

export class CalendarFileParam {
  @ApiProperty({ example: 'q3X…Zk.ics', description: 'The token of a calendar link, then .ics' })
  @Matches(/^[A-Za-z0-9_-]{32,64}\.ics$/, { message: 'file must be a calendar link token followed by .ics' })
  file: string;
}
