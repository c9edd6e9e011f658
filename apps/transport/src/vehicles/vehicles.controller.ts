import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallerScope,
  CreateVehicleRequest,
  IdRequest,
  ListVehiclesQuery,
  TransportSubjects,
  UpdateVehicleMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { VehiclesService } from './vehicles.service';

@Controller()
export class VehiclesController {
  constructor(private readonly vehicles: VehiclesService) {}

  @MessagePattern(TransportSubjects.vehicleCreate)
  create(@Payload() body: CreateVehicleRequest, @Scope() scope: CallerScope) {
    return this.vehicles.create(body, scope);
  }

  @MessagePattern(TransportSubjects.vehicleGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.vehicles.get(id, scope);
  }

  @MessagePattern(TransportSubjects.vehicleList)
  list(@Payload() query: ListVehiclesQuery, @Scope() scope: CallerScope) {
    return this.vehicles.list(query, scope);
  }

  @MessagePattern(TransportSubjects.vehicleUpdate)
  update(@Payload() message: UpdateVehicleMessage, @Scope() scope: CallerScope) {
    return this.vehicles.update(message, scope);
  }
}
