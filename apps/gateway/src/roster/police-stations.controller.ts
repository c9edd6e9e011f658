import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatePoliceStationRequest,
  IdRequest,
  ListPoliceStationsQuery,
  PageOf,
  PoliceStationView,
  RosterSubjects,
  UpdatePoliceStationRequest,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'police_station', get: RosterSubjects.policeStationGet })
@ApiTags('Police stations')
@Controller('police-stations')
export class PoliceStationsController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'List, filtered and cursor-paginated' })
  @ApiOkResponse({ type: PageOf(PoliceStationView) })
  @ApiErrors()
  list(@Query() query: ListPoliceStationsQuery) {
    return this.rasad.send(RosterSubjects.policeStationList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PoliceStationView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(RosterSubjects.policeStationGet, { id });
  }

  @Post()
  @ApiCreatedResponse({ type: PoliceStationView })
  @ApiErrors(409, 422)
  create(@Body() body: CreatePoliceStationRequest) {
    return this.rasad.send(RosterSubjects.policeStationCreate, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PoliceStationView })
  @ApiErrors(404, 409, 422)
  update(@Param() { id }: IdRequest, @Body() changes: UpdatePoliceStationRequest) {
    return this.rasad.send(RosterSubjects.policeStationUpdate, { id, changes });
  }
}
