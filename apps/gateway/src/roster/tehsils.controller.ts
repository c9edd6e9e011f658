import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateTehsilRequest,
  IdRequest,
  ListTehsilsQuery,
  PageOf,
  Subjects,
  UpdateTehsilRequest,
  TehsilView,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';
import { RequestId } from '../http/request-id.decorator';

@ApiBearerAuth()
@Audited({ entity: 'tehsil', get: Subjects.tehsilGet })
@ApiTags('Tehsils')
@Controller('tehsils')
export class TehsilsController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'List, filtered and cursor-paginated' })
  @ApiOkResponse({ type: PageOf(TehsilView) })
  @ApiErrors()
  list(@Query() query: ListTehsilsQuery, @RequestId() requestId: string) {
    return this.rasad.send(Subjects.tehsilList, query, { requestId });
  }

  @Get(':id')
  @ApiOkResponse({ type: TehsilView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest, @RequestId() requestId: string) {
    return this.rasad.send(Subjects.tehsilGet, { id }, { requestId });
  }

  @Post()
  @ApiCreatedResponse({ type: TehsilView })
  @ApiErrors(409, 422)
  create(@Body() body: CreateTehsilRequest, @RequestId() requestId: string) {
    return this.rasad.send(Subjects.tehsilCreate, body, { requestId });
  }

  @Patch(':id')
  @ApiOkResponse({ type: TehsilView })
  @ApiErrors(404, 409, 422)
  update(@Param() { id }: IdRequest, @Body() changes: UpdateTehsilRequest, @RequestId() requestId: string) {
    return this.rasad.send(Subjects.tehsilUpdate, { id, changes }, { requestId });
  }
}
