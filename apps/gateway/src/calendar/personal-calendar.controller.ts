import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Subjects } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { RequestId } from '../http/request-id.decorator';
import { CalendarFileParam, ICS_SCHEMA, icsReply } from './ics';

/** The one briefings route without sign-in: calendar apps cannot send a JWT, so the link's token is the key. */
@ApiTags('Calendar')
@Controller('calendar')
export class PersonalCalendarController {
  constructor(private readonly rasad: RasadClient) {}

  @Public()
  @Get(':file')
  @Header('cache-control', 'private, no-cache')
  @ApiOperation({
    summary: "A person's briefings as an iCalendar feed, by the link from POST /calendar-links (no sign-in)",
    description:
      'Every session they hold or held an invitation to. A declined or cancelled invitation shows as STATUS:CANCELLED. ' +
      'An unknown or revoked link answers 404.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: ICS_SCHEMA })
  @ApiErrors(404)
  async personal(
    @Param() { file }: CalendarFileParam,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const token = file.slice(0, -'.ics'.length);
    return icsReply(reply, await this.rasad.send(Subjects.calendarPersonal, { token }, { requestId }));
  }
}
