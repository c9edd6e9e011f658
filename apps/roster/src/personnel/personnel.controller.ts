import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Scope } from '@rasad/messaging';
import {
  CreatePersonnelRequest,
  DeactivatePersonnelMessage,
  IdRequest,
  ListPersonnelQuery,
  Subjects,
  UpdatePersonnelMessage,
  CallerScope,
} from '@rasad/contracts';
import { PersonnelStatusService } from './personnel-status.service';
import { PersonnelService } from './personnel.service';

@Controller()
export class PersonnelController {
  constructor(
    private readonly personnel: PersonnelService,
    private readonly status: PersonnelStatusService,
  ) {}

  @MessagePattern(Subjects.personnelCreate)
  create(@Payload() body: CreatePersonnelRequest, @Scope() scope: CallerScope) {
    return this.personnel.create(body, scope);
  }

  @MessagePattern(Subjects.personnelGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.personnel.get(id, scope);
  }

  @MessagePattern(Subjects.personnelList)
  list(@Payload() query: ListPersonnelQuery, @Scope() scope: CallerScope) {
    return this.personnel.list(query, scope);
  }

  @MessagePattern(Subjects.personnelUpdate)
  update(@Payload() message: UpdatePersonnelMessage, @Scope() scope: CallerScope) {
    return this.personnel.update(message, scope);
  }

  @MessagePattern(Subjects.personnelDeactivate)
  deactivate(@Payload() message: DeactivatePersonnelMessage, @Scope() scope: CallerScope) {
    return this.status.deactivate(message, scope);
  }

  @MessagePattern(Subjects.personnelReactivate)
  reactivate(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.status.reactivate(id, scope);
  }
}
