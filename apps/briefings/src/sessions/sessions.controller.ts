import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BriefingsSubjects,
  CallerScope,
  CancelSessionMessage,
  CreateSessionRequest,
  IdRequest,
  ListSessionsQuery,
  RescheduleSessionMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @MessagePattern(BriefingsSubjects.sessionCreate)
  create(@Payload() body: CreateSessionRequest, @Scope() scope: CallerScope) {
    return this.sessions.create(body, scope);
  }

  @MessagePattern(BriefingsSubjects.sessionGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.sessions.get(id, scope);
  }

  @MessagePattern(BriefingsSubjects.sessionList)
  list(@Payload() query: ListSessionsQuery, @Scope() scope: CallerScope) {
    return this.sessions.list(query, scope);
  }

  @MessagePattern(BriefingsSubjects.sessionReschedule)
  reschedule(@Payload() message: RescheduleSessionMessage, @Scope() scope: CallerScope) {
    return this.sessions.reschedule(message, scope);
  }

  @MessagePattern(BriefingsSubjects.sessionCancel)
  cancel(@Payload() message: CancelSessionMessage, @Scope() scope: CallerScope) {
    return this.sessions.cancel(message, scope);
  }

  @MessagePattern(BriefingsSubjects.sessionComplete)
  complete(@Payload() message: IdRequest, @Scope() scope: CallerScope) {
    return this.sessions.complete(message, scope);
  }
}
