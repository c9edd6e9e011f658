import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AttendedTopicsQuery,
  AttendedTopicsView,
  BriefingsSubjects,
  CancelSessionRequest,
  CreateSessionRequest,
  IdRequest,
  ListSessionsQuery,
  PageOf,
  RescheduleResultView,
  RescheduleSessionRequest,
  SessionView,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { AuditAction, Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';
import { BriefingWriters } from './briefing-writers';

@ApiBearerAuth()
@Audited({ entity: 'briefing', get: BriefingsSubjects.sessionGet })
@ApiTags('Briefings')
@Controller('briefings')
export class BriefingSessionsController {
  constructor(private readonly rasad: RasadClient) {}

  // Declared before ':id', which would otherwise take "attended-topics" for an id.
  @Get('attended-topics')
  @ApiOperation({ summary: "A person's attended topics (present), missing required topics and acknowledgement" })
  @ApiOkResponse({ type: AttendedTopicsView })
  @ApiErrors(404)
  attendedTopics(@Query() query: AttendedTopicsQuery) {
    return this.rasad.send(BriefingsSubjects.attendedTopics, query);
  }

  @Get()
  @ApiOperation({ summary: 'List by district, status and date range; cursor-paginated' })
  @ApiOkResponse({ type: PageOf(SessionView) })
  @ApiErrors()
  list(@Query() query: ListSessionsQuery) {
    return this.rasad.send(BriefingsSubjects.sessionList, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(404)
  get(@Param() { id }: IdRequest) {
    return this.rasad.send(BriefingsSubjects.sessionGet, { id });
  }

  @Post()
  @BriefingWriters()
  @ApiOperation({ summary: 'Schedule a briefing at a venue of a given capacity; it must start in the future' })
  @ApiCreatedResponse({ type: SessionView })
  @ApiErrors(422)
  create(@Body() body: CreateSessionRequest) {
    return this.rasad.send(BriefingsSubjects.sessionCreate, body);
  }

  @Post(':id/reschedule')
  @AuditAction('reschedule')
  @HttpCode(200)
  @BriefingWriters()
  @ApiOperation({
    summary:
      'Move a briefing not yet held (and optionally its venue) to a future slot; invitees keep their seats unless the ' +
      'new slot outruns or clashes with their duty',
  })
  @ApiOkResponse({ type: RescheduleResultView })
  @ApiErrors(404, 409)
  reschedule(@Param() { id }: IdRequest, @Body() body: RescheduleSessionRequest) {
    return this.rasad.send(BriefingsSubjects.sessionReschedule, { id, ...body });
  }

  @Post(':id/cancel')
  @AuditAction('cancel')
  @HttpCode(200)
  @BriefingWriters()
  @ApiOperation({ summary: 'Cancel a briefing not yet held (also one that has started), with every seat in it' })
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(404, 409)
  cancel(@Param() { id }: IdRequest, @Body() body: CancelSessionRequest) {
    return this.rasad.send(BriefingsSubjects.sessionCancel, { id, ...body });
  }

  @Post(':id/complete')
  @AuditAction('complete')
  @HttpCode(200)
  @BriefingWriters()
  @ApiOperation({
    summary: 'Mark a briefing held, once it has started: invitations close, the roll call stays open for corrections',
  })
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(404, 409)
  complete(@Param() { id }: IdRequest) {
    return this.rasad.send(BriefingsSubjects.sessionComplete, { id });
  }
}
