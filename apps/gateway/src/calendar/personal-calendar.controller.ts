import { Controller, Get, Header, Param, Res, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BriefingsSubjects, ErrorView } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { CalendarFileParam, ICS_SCHEMA, icsReply } from './ics';

/** The one briefings route without sign-in: calendar apps cannot send a JWT, so the link's token is the key. */
@ApiTags('Calendar')
@Controller('calendar')
export class PersonalCalendarController {
  constructor(private readonly rasad: RasadClient) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true, imports: true })
  @Get(':file')
  @Header('cache-control', 'private, no-cache')
  @ApiOperation({
    summary: "A person's briefings as an iCalendar feed, by the link from POST /calendar-links (no sign-in)",
    description:
      'Every session they hold or held an invitation to. A declined or cancelled invitation shows as STATUS:CANCELLED. ' +
      'An unknown or revoked link answers 404. Limited to CALENDAR_FEEDS_PER_MINUTE per client address (429).',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: ICS_SCHEMA })
  @ApiErrors(404)
  @ApiResponse({ status: 429, type: ErrorView, description: 'Too many requests from this address; see Retry-After' })
  async personal(
    @Param() { file }: CalendarFileParam,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const token = file.slice(0, -'.ics'.length);
    return icsReply(reply, await this.rasad.send(BriefingsSubjects.calendarPersonal, { token }));
  }
}
