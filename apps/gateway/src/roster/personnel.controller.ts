import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreatePersonnelRequest,
  DeactivatePersonnelRequest,
  IdRequest,
  ListPersonnelQuery,
  PageOf,
  PersonnelView,
  RosterSubjects,
  UpdatePersonnelRequest,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { AuditAction, Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'personnel', get: RosterSubjects.personnelGet })
@ApiTags('Personnel')
@Controller('personnel')
export class PersonnelController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'List, filtered and cursor-paginated; deactivated people only with includeInactive=true' })
  @ApiOkResponse({ type: PageOf(PersonnelView) })
  @ApiErrors()
  list(@Query() query: ListPersonnelQuery) {
    return this.rasad.send(RosterSubjects.personnelList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PersonnelView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(RosterSubjects.personnelGet, { id });
  }

  @Post()
  @ApiCreatedResponse({ type: PersonnelView })
  @ApiErrors(409, 422)
  create(@Body() body: CreatePersonnelRequest) {
    return this.rasad.send(RosterSubjects.personnelCreate, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PersonnelView })
  @ApiErrors(404, 409, 422)
  update(@Param() { id }: IdRequest, @Body() changes: UpdatePersonnelRequest) {
    return this.rasad.send(RosterSubjects.personnelUpdate, { id, changes });
  }

  @Post(':id/deactivate')
  @AuditAction('deactivate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A person leaves: kept with their history, every duty not yet ended cancelled (with notices)',
    description:
      'Their duties that have not ended are cancelled with reason `personnel_deactivated`; they drop out of lists ' +
      '(unless includeInactive=true) and of briefing fills, and cannot be given new duties (409) nor imported onto ' +
      'duties. Deactivating someone already deactivated changes nothing.',
  })
  @ApiOkResponse({ type: PersonnelView })
  @ApiErrors(404)
  deactivate(@Param() { id }: IdRequest, @Body() body: DeactivatePersonnelRequest) {
    return this.rasad.send(RosterSubjects.personnelDeactivate, { id, ...body });
  }

  @Post(':id/reactivate')
  @AuditAction('reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Back on the roster; duties cancelled when they left stay cancelled' })
  @ApiOkResponse({ type: PersonnelView })
  @ApiErrors(404)
  reactivate(@Param() { id }: IdRequest) {
    return this.rasad.send(RosterSubjects.personnelReactivate, { id });
  }
}
