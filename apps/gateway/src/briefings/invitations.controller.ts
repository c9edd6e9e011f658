import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  AnswerInvitationRequest,
  AttendanceListItemView,
  BriefingsSubjects,
  FillResultView,
  FillSessionRequest,
  IdRequest,
  InvitationView,
  InviteRequest,
  ListAttendanceQuery,
  ListInvitationsQuery,
  PageOf,
  RollCallRequest,
  RollCallResultView,
} from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import { IsUUID } from 'class-validator';
import { AuditAction, Audited } from '../audit/audited.interceptor';
import { ApiErrors } from '../http/api-errors.decorator';
import { BriefingWriters } from './briefing-writers';

class InvitationParams extends IdRequest {
  @IsUUID()
  invitationId: string;
}

@ApiBearerAuth()
@Audited({ entity: 'briefing', get: BriefingsSubjects.sessionGet })
@ApiTags('Briefings')
@Controller('briefings/:id')
export class BriefingAudienceController {
  constructor(private readonly rasad: RasadClient) {}

  @Post('fill')
  @AuditAction('fill')
  @HttpCode(200)
  @BriefingWriters()
  @ApiOperation({
    summary: 'Invite eligible people (duty in the district after the briefing, not yet briefed), earliest duty first',
  })
  @ApiOkResponse({ type: FillResultView })
  @ApiErrors(404, 409)
  fill(@Param() { id }: IdRequest, @Body() body: FillSessionRequest) {
    return this.rasad.send(BriefingsSubjects.sessionFill, { id, ...body });
  }

  @Get('invitations')
  @ApiOperation({ summary: "The session's invitations by the invitee's name; cancelled ones only when asked" })
  @ApiOkResponse({ type: PageOf(InvitationView) })
  @ApiErrors(404)
  invitations(@Param() { id }: IdRequest, @Query() query: ListInvitationsQuery) {
    return this.rasad.send(BriefingsSubjects.invitationList, { sessionId: id, ...query });
  }

  @Post('invitations')
  @AuditAction('invite')
  @BriefingWriters()
  @ApiOperation({ summary: 'Invite these people; all or nothing, 409 when the seats left are not enough' })
  @ApiCreatedResponse({ type: InvitationView, isArray: true })
  @ApiErrors(404, 409, 422)
  invite(@Param() { id }: IdRequest, @Body() body: InviteRequest) {
    return this.rasad.send(BriefingsSubjects.invitationCreate, { id, ...body });
  }

  @Patch('invitations/:invitationId')
  @AuditAction('answer_invitation')
  @BriefingWriters()
  @ApiParam({ name: 'invitationId', format: 'uuid' })
  @ApiOperation({ summary: 'Confirm, decline or cancel an invitation; declining or cancelling frees the seat' })
  @ApiOkResponse({ type: InvitationView })
  @ApiErrors(404, 409)
  answer(@Param() { id, invitationId }: InvitationParams, @Body() body: AnswerInvitationRequest) {
    return this.rasad.send(BriefingsSubjects.invitationAnswer, { sessionId: id, invitationId, ...body });
  }

  @Post('attendance')
  @AuditAction('roll_call')
  @BriefingWriters()
  @ApiOperation({ summary: 'Record a roll call (present, absent, excused) with code-of-conduct acknowledgements' })
  @ApiCreatedResponse({ type: RollCallResultView })
  @ApiErrors(404, 409, 422)
  record(@Param() { id }: IdRequest, @Body() body: RollCallRequest) {
    return this.rasad.send(BriefingsSubjects.attendanceRecord, { id, ...body });
  }

  @Get('attendance')
  @ApiOperation({ summary: 'The roll call, in the order people were marked, each with name, rank and service number' })
  @ApiOkResponse({ type: PageOf(AttendanceListItemView) })
  @ApiErrors(404)
  attendance(@Param() { id }: IdRequest, @Query() query: ListAttendanceQuery) {
    return this.rasad.send(BriefingsSubjects.attendanceList, { sessionId: id, ...query });
  }
}
