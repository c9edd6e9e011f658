import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { BriefingsSubjects, DistrictCalendarQuery } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { ApiErrors } from '../http/api-errors.decorator';
import { ICS_SCHEMA, icsReply } from './ics';

@ApiBearerAuth()
@ApiTags('Calendar')
@Controller()
export class BriefingsCalendarController {
  constructor(private readonly rasad: RasadClient) {}

  @Get('briefings.ics')
  @ApiOperation({
    summary: "A district's briefings as an iCalendar feed (RFC 5545)",
    description: 'Sessions that ended in the last 90 days and all to come; cancelled ones as STATUS:CANCELLED.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: ICS_SCHEMA })
  @ApiErrors(404)
  async district(
    @Query() query: DistrictCalendarQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return icsReply(reply, await this.rasad.send(BriefingsSubjects.calendarDistrict, query));
  }
}
