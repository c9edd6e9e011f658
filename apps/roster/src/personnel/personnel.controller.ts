import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Scope } from '@rasad/messaging';
import {
  CreatePersonnelRequest,
  IdRequest,
  ListPersonnelQuery,
  Subjects,
  UpdatePersonnelMessage,
  CallerScope,
} from '@rasad/contracts';
import { PersonnelService } from './personnel.service';

@Controller()
export class PersonnelController {
  constructor(private readonly personnel: PersonnelService) {}

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
}
