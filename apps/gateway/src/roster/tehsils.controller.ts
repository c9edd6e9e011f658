import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateTehsilRequest,
  IdRequest,
  ListTehsilsQuery,
  PageOf,
  RosterSubjects,
  TehsilView,
  UpdateTehsilRequest,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'tehsil', get: RosterSubjects.tehsilGet })
@ApiTags('Tehsils')
@Controller('tehsils')
export class TehsilsController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'List, filtered and cursor-paginated' })
  @ApiOkResponse({ type: PageOf(TehsilView) })
  @ApiErrors()
  list(@Query() query: ListTehsilsQuery) {
    return this.rasad.send(RosterSubjects.tehsilList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TehsilView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(RosterSubjects.tehsilGet, { id });
  }

  @Post()
  @ApiCreatedResponse({ type: TehsilView })
  @ApiErrors(409, 422)
  create(@Body() body: CreateTehsilRequest) {
    return this.rasad.send(RosterSubjects.tehsilCreate, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: TehsilView })
  @ApiErrors(404, 409, 422)
  update(@Param() { id }: IdRequest, @Body() changes: UpdateTehsilRequest) {
    return this.rasad.send(RosterSubjects.tehsilUpdate, { id, changes });
  }
}
