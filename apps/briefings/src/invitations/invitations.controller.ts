import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AnswerInvitationMessage,
  BriefingsSubjects,
  CallerScope,
  FillSessionMessage,
  InviteMessage,
  ListInvitationsMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { FillService } from './fill.service';
import { InvitationsService } from './invitations.service';

@Controller()
export class InvitationsController {
  constructor(
    private readonly filling: FillService,
    private readonly invitations: InvitationsService,
  ) {}

  @MessagePattern(BriefingsSubjects.sessionFill)
  fill(@Payload() message: FillSessionMessage, @Scope() scope: CallerScope) {
    return this.filling.fill(message, scope);
  }

  @MessagePattern(BriefingsSubjects.invitationCreate)
  invite(@Payload() message: InviteMessage, @Scope() scope: CallerScope) {
    return this.invitations.invite(message, scope);
  }

  @MessagePattern(BriefingsSubjects.invitationList)
  list(@Payload() query: ListInvitationsMessage, @Scope() scope: CallerScope) {
    return this.invitations.list(query, scope);
  }

  @MessagePattern(BriefingsSubjects.invitationAnswer)
  answer(@Payload() message: AnswerInvitationMessage, @Scope() scope: CallerScope) {
    return this.invitations.answer(message, scope);
  }
}
