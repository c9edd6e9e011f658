import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Scope } from '@rasad/messaging';
import {
  CallerScope,
  CreateUnitRequest,
  IdRequest,
  ListUnitsQuery,
  RosterSubjects,
  UpdateUnitMessage,
} from '@rasad/contracts';
import { UnitsService } from './units.service';

@Controller()
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @MessagePattern(RosterSubjects.unitCreate)
  create(@Payload() body: CreateUnitRequest, @Scope() scope: CallerScope) {
    return this.units.create(body, scope);
  }

  @MessagePattern(RosterSubjects.unitGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.units.get(id, scope);
  }

  @MessagePattern(RosterSubjects.unitList)
  list(@Payload() query: ListUnitsQuery, @Scope() scope: CallerScope) {
    return this.units.list(query, scope);
  }

  @MessagePattern(RosterSubjects.unitUpdate)
  update(@Payload() message: UpdateUnitMessage, @Scope() scope: CallerScope) {
    return this.units.update(message, scope);
  }
}
