import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateUnitRequest, IdRequest, ListUnitsQuery, Subjects, UpdateUnitMessage } from '@rasad/contracts';
import { UnitsService } from './units.service';

@Controller()
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @MessagePattern(Subjects.unitCreate)
  create(@Payload() body: CreateUnitRequest) {
    return this.units.create(body);
  }

  @MessagePattern(Subjects.unitGet)
  get(@Payload() { id }: IdRequest) {
    return this.units.get(id);
  }

  @MessagePattern(Subjects.unitList)
  list(@Payload() query: ListUnitsQuery) {
    return this.units.list(query);
  }

  @MessagePattern(Subjects.unitUpdate)
  update(@Payload() message: UpdateUnitMessage) {
    return this.units.update(message);
  }
}
