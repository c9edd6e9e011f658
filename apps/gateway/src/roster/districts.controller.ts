import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateDistrictRequest,
  DistrictView,
  IdRequest,
  ListDistrictsQuery,
  PageOf,
  RosterSubjects,
  UpdateDistrictRequest,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Audited } from '../audit/audited.interceptor';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'district', get: RosterSubjects.districtGet })
@ApiTags('Districts')
@Controller('districts')
export class DistrictsController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'List, filtered and cursor-paginated' })
  @ApiOkResponse({ type: PageOf(DistrictView) })
  @ApiErrors()
  list(@Query() query: ListDistrictsQuery) {
    return this.rasad.send(RosterSubjects.districtList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: DistrictView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(RosterSubjects.districtGet, { id });
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: DistrictView })
  @ApiErrors(409)
  create(@Body() body: CreateDistrictRequest) {
    return this.rasad.send(RosterSubjects.districtCreate, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: DistrictView })
  @ApiErrors(404, 409)
  update(@Param() { id }: IdRequest, @Body() changes: UpdateDistrictRequest) {
    return this.rasad.send(RosterSubjects.districtUpdate, { id, changes });
  }
}
