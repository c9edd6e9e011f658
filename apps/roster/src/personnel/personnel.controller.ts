import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Scope } from '@rasad/messaging';
import {
  CallerScope,
  CreatePersonnelRequest,
  DeactivatePersonnelMessage,
  IdRequest,
  ListPersonnelQuery,
  RosterSubjects,
  UpdatePersonnelMessage,
} from '@rasad/contracts';
import { PersonnelStatusService } from './personnel-status.service';
import { PersonnelService } from './personnel.service';

@Controller()
export class PersonnelController {
  constructor(
    private readonly personnel: PersonnelService,
    private readonly status: PersonnelStatusService,
  ) {}

  @MessagePattern(RosterSubjects.personnelCreate)
  create(@Payload() body: CreatePersonnelRequest, @Scope() scope: CallerScope) {
    return this.personnel.create(body, scope);
  }

  @MessagePattern(RosterSubjects.personnelGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.personnel.get(id, scope);
  }

  @MessagePattern(RosterSubjects.personnelList)
  list(@Payload() query: ListPersonnelQuery, @Scope() scope: CallerScope) {
    return this.personnel.list(query, scope);
  }

  @MessagePattern(RosterSubjects.personnelUpdate)
  update(@Payload() message: UpdatePersonnelMessage, @Scope() scope: CallerScope) {
    return this.personnel.update(message, scope);
  }

  @MessagePattern(RosterSubjects.personnelDeactivate)
  deactivate(@Payload() message: DeactivatePersonnelMessage, @Scope() scope: CallerScope) {
    return this.status.deactivate(message, scope);
  }

  @MessagePattern(RosterSubjects.personnelReactivate)
  reactivate(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.status.reactivate(id, scope);
  }
}
