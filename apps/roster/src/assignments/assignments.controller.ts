import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Scope } from '@rasad/messaging';
import {
  CancelAssignmentMessage,
  CreateAssignmentRequest,
  IdRequest,
  ListAssignmentsQuery,
  Subjects,
  UpdateAssignmentMessage,
  CallerScope,
} from '@rasad/contracts';
import { AssignmentsService } from './assignments.service';

@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @MessagePattern(Subjects.assignmentCreate)
  create(@Payload() body: CreateAssignmentRequest, @Scope() scope: CallerScope) {
    return this.assignments.create(body, scope);
  }

  @MessagePattern(Subjects.assignmentGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.assignments.get(id, scope);
  }

  @MessagePattern(Subjects.assignmentList)
  list(@Payload() query: ListAssignmentsQuery, @Scope() scope: CallerScope) {
    return this.assignments.list(query, scope);
  }

  @MessagePattern(Subjects.assignmentUpdate)
  update(@Payload() message: UpdateAssignmentMessage, @Scope() scope: CallerScope) {
    return this.assignments.update(message, scope);
  }

  @MessagePattern(Subjects.assignmentCancel)
  cancel(@Payload() message: CancelAssignmentMessage, @Scope() scope: CallerScope) {
    return this.assignments.cancel(message, scope);
  }
}
