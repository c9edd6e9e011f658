import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LegView, ListLegsQuery, PageOf, TransportSubjects } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@ApiTags('Transport')
@Controller('transport/legs')
export class LegsController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({
    summary:
      "The legs personnel with provided travel need on a local day (each stay's outbound by arriveBy, its return " +
      'after departAfter), covered, uncovered or void (reposted, duty_cancelled), by time',
  })
  @ApiOkResponse({ type: PageOf(LegView) })
  @ApiErrors()
  list(@Query() query: ListLegsQuery) {
    return this.rasad.send(TransportSubjects.legList, query);
  }
}
