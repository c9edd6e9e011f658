import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatePersonnelRequest,
  IdRequest,
  ListPersonnelQuery,
  PageOf,
  Subjects,
  UpdatePersonnelRequest,
  PersonnelView,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';
import { RequestId } from '../http/request-id.decorator';

@ApiBearerAuth()
@Audited({ entity: 'personnel', get: Subjects.personnelGet })
@ApiTags('Personnel')
@Controller('personnel')
export class PersonnelController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'List, filtered and cursor-paginated' })
  @ApiOkResponse({ type: PageOf(PersonnelView) })
  @ApiErrors()
  list(@Query() query: ListPersonnelQuery, @RequestId() requestId: string) {
    return this.rasad.send(Subjects.personnelList, query, { requestId });
  }

  @Get(':id')
  @ApiOkResponse({ type: PersonnelView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest, @RequestId() requestId: string) {
    return this.rasad.send(Subjects.personnelGet, { id }, { requestId });
  }

  @Post()
  @ApiCreatedResponse({ type: PersonnelView })
  @ApiErrors(409, 422)
  create(@Body() body: CreatePersonnelRequest, @RequestId() requestId: string) {
    return this.rasad.send(Subjects.personnelCreate, body, { requestId });
  }

  @Patch(':id')
  @ApiOkResponse({ type: PersonnelView })
  @ApiErrors(404, 409, 422)
  update(@Param() { id }: IdRequest, @Body() changes: UpdatePersonnelRequest, @RequestId() requestId: string) {
    return this.rasad.send(Subjects.personnelUpdate, { id, changes }, { requestId });
  }
}
