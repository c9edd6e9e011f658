import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallerScope,
  CancelSessionMessage,
  CreateSessionRequest,
  IdRequest,
  ListSessionsQuery,
  RescheduleSessionMessage,
  Subjects,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { SessionsService } from './sessions.service';

@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @MessagePattern(Subjects.sessionCreate)
  create(@Payload() body: CreateSessionRequest, @Scope() scope: CallerScope) {
    return this.sessions.create(body, scope);
  }

  @MessagePattern(Subjects.sessionGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.sessions.get(id, scope);
  }

  @MessagePattern(Subjects.sessionList)
  list(@Payload() query: ListSessionsQuery, @Scope() scope: CallerScope) {
    return this.sessions.list(query, scope);
  }

  @MessagePattern(Subjects.sessionReschedule)
  reschedule(@Payload() message: RescheduleSessionMessage, @Scope() scope: CallerScope) {
    return this.sessions.reschedule(message, scope);
  }

  @MessagePattern(Subjects.sessionCancel)
  cancel(@Payload() message: CancelSessionMessage, @Scope() scope: CallerScope) {
    return this.sessions.cancel(message, scope);
  }

  @MessagePattern(Subjects.sessionComplete)
  complete(@Payload() message: IdRequest, @Scope() scope: CallerScope) {
    return this.sessions.complete(message, scope);
  }
}
