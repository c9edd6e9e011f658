import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CancelAssignmentMessage,
  CreateAssignmentRequest,
  IdRequest,
  ListAssignmentsQuery,
  Subjects,
  UpdateAssignmentMessage,
} from '@rasad/contracts';
import { AssignmentsService } from './assignments.service';

@Controller()
export class AssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @MessagePattern(Subjects.assignmentCreate)
  create(@Payload() body: CreateAssignmentRequest) {
    return this.assignments.create(body);
  }

  @MessagePattern(Subjects.assignmentGet)
  get(@Payload() { id }: IdRequest) {
    return this.assignments.get(id);
  }

  @MessagePattern(Subjects.assignmentList)
  list(@Payload() query: ListAssignmentsQuery) {
    return this.assignments.list(query);
  }

  @MessagePattern(Subjects.assignmentUpdate)
  update(@Payload() message: UpdateAssignmentMessage) {
    return this.assignments.update(message);
  }

  @MessagePattern(Subjects.assignmentCancel)
  cancel(@Payload() message: CancelAssignmentMessage) {
    return this.assignments.cancel(message);
  }
}
