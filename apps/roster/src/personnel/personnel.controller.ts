import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreatePersonnelRequest,
  IdRequest,
  ListPersonnelQuery,
  Subjects,
  UpdatePersonnelMessage,
} from '@rasad/contracts';
import { PersonnelService } from './personnel.service';

@Controller()
export class PersonnelController {
  constructor(private readonly personnel: PersonnelService) {}

  @MessagePattern(Subjects.personnelCreate)
  create(@Payload() body: CreatePersonnelRequest) {
    return this.personnel.create(body);
  }

  @MessagePattern(Subjects.personnelGet)
  get(@Payload() { id }: IdRequest) {
    return this.personnel.get(id);
  }

  @MessagePattern(Subjects.personnelList)
  list(@Payload() query: ListPersonnelQuery) {
    return this.personnel.list(query);
  }

  @MessagePattern(Subjects.personnelUpdate)
  update(@Payload() message: UpdatePersonnelMessage) {
    return this.personnel.update(message);
  }
}
