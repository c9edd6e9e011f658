import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AssignmentListItemView,
  AssignmentView,
  CancelAssignmentRequest,
  CreateAssignmentRequest,
  IdRequest,
  ListAssignmentsQuery,
  PageOf,
  RosterSubjects,
  UpdateAssignmentRequest,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { AuditAction, Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiBearerAuth()
@Audited({ entity: 'assignment', get: RosterSubjects.assignmentGet })
@ApiTags('Duty assignments')
@Controller('assignments')
export class AssignmentsController {
  constructor(private readonly rasad: RasadClient) {}

  @Get()
  @ApiOperation({ summary: 'List by district, post, person, status, phase and date range; cursor-paginated' })
  @ApiOkResponse({ type: PageOf(AssignmentListItemView) })
  @ApiErrors()
  list(@Query() query: ListAssignmentsQuery) {
    return this.rasad.send(RosterSubjects.assignmentList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AssignmentView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(RosterSubjects.assignmentGet, { id });
  }

  @Post()
  @ApiOperation({ summary: 'Post a person to duty; 409 names the duty it would overlap' })
  @ApiCreatedResponse({ type: AssignmentView })
  @ApiErrors(409, 422)
  create(@Body() body: CreateAssignmentRequest) {
    return this.rasad.send(RosterSubjects.assignmentCreate, body);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Repost: change post (postId or postCode), window, role, phase or status',
    description:
      'A repost (a new post or window) may say why in `reason`: kept on the duty as changeReason and sent with the ' +
      'change event, so the notice tells the person. 409 names the overlapping duty and the field that causes it.',
  })
  @ApiOkResponse({ type: AssignmentView })
  @ApiErrors(404, 409, 422)
  update(@Param() { id }: IdRequest, @Body() changes: UpdateAssignmentRequest) {
    return this.rasad.send(RosterSubjects.assignmentUpdate, { id, changes });
  }

  @Post(':id/cancel')
  @AuditAction('cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a duty (frees the window for another)' })
  @ApiOkResponse({ type: AssignmentView })
  @ApiErrors(404)
  cancel(@Param() { id }: IdRequest, @Body() body: CancelAssignmentRequest) {
    return this.rasad.send(RosterSubjects.assignmentCancel, { id, ...body });
  }
}
