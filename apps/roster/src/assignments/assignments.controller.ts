import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Scope } from '@rasad/messaging';
import {
  CallerScope,
  CancelAssignmentMessage,
  CreateAssignmentRequest,
  IdRequest,
  ListAssignmentsQuery,
  RosterSubjects,
  UpdateAssignmentMessage,
} from '@rasad/contracts';
import { AssignmentsService } from './assignments.service';

@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @MessagePattern(RosterSubjects.assignmentCreate)
  create(@Payload() body: CreateAssignmentRequest, @Scope() scope: CallerScope) {
    return this.assignments.create(body, scope);
  }

  @MessagePattern(RosterSubjects.assignmentGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.assignments.get(id, scope);
  }

  @MessagePattern(RosterSubjects.assignmentList)
  list(@Payload() query: ListAssignmentsQuery, @Scope() scope: CallerScope) {
    return this.assignments.list(query, scope);
  }

  @MessagePattern(RosterSubjects.assignmentUpdate)
  update(@Payload() message: UpdateAssignmentMessage, @Scope() scope: CallerScope) {
    return this.assignments.update(message, scope);
  }

  @MessagePattern(RosterSubjects.assignmentCancel)
  cancel(@Payload() message: CancelAssignmentMessage, @Scope() scope: CallerScope) {
    return this.assignments.cancel(message, scope);
  }
}
