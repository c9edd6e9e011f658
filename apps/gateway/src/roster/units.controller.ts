import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateUnitRequest,
  IdRequest,
  ListUnitsQuery,
  PageOf,
  RosterSubjects,
  UnitView,
  UpdateUnitRequest,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'unit', get: RosterSubjects.unitGet })
@ApiTags('Units')
@Controller('units')
export class UnitsController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'List, filtered and cursor-paginated' })
  @ApiOkResponse({ type: PageOf(UnitView) })
  @ApiErrors()
  list(@Query() query: ListUnitsQuery) {
    return this.rasad.send(RosterSubjects.unitList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UnitView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(RosterSubjects.unitGet, { id });
  }

  @Post()
  @ApiCreatedResponse({ type: UnitView })
  @ApiErrors(409, 422)
  create(@Body() body: CreateUnitRequest) {
    return this.rasad.send(RosterSubjects.unitCreate, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UnitView })
  @ApiErrors(404, 409, 422)
  update(@Param() { id }: IdRequest, @Body() changes: UpdateUnitRequest) {
    return this.rasad.send(RosterSubjects.unitUpdate, { id, changes });
  }
}
