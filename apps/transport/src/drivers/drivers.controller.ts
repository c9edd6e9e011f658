import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallerScope,
  CreateDriverRequest,
  IdRequest,
  ListDriversQuery,
  TransportSubjects,
  UpdateDriverMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { DriversService } from './drivers.service';

@Controller()
export class DriversController {
  constructor(private readonly drivers: DriversService) {}

  @MessagePattern(TransportSubjects.driverCreate)
  create(@Payload() body: CreateDriverRequest, @Scope() scope: CallerScope) {
    return this.drivers.create(body, scope);
  }

  @MessagePattern(TransportSubjects.driverGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.drivers.get(id, scope);
  }

  @MessagePattern(TransportSubjects.driverList)
  list(@Payload() query: ListDriversQuery, @Scope() scope: CallerScope) {
    return this.drivers.list(query, scope);
  }

  @MessagePattern(TransportSubjects.driverUpdate)
  update(@Payload() message: UpdateDriverMessage, @Scope() scope: CallerScope) {
    return this.drivers.update(message, scope);
  }
}
