import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AnswerInvitationMessage,
  CallerScope,
  FillSessionMessage,
  InviteMessage,
  ListInvitationsMessage,
  Subjects,
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

  @MessagePattern(Subjects.sessionFill)
  fill(@Payload() message: FillSessionMessage, @Scope() scope: CallerScope) {
    return this.filling.fill(message, scope);
  }

  @MessagePattern(Subjects.invitationCreate)
  invite(@Payload() message: InviteMessage, @Scope() scope: CallerScope) {
    return this.invitations.invite(message, scope);
  }

  @MessagePattern(Subjects.invitationList)
  list(@Payload() query: ListInvitationsMessage, @Scope() scope: CallerScope) {
    return this.invitations.list(query, scope);
  }

  @MessagePattern(Subjects.invitationAnswer)
  answer(@Payload() message: AnswerInvitationMessage, @Scope() scope: CallerScope) {
    return this.invitations.answer(message, scope);
  }
}
