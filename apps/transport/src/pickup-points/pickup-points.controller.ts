import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallerScope,
  CreatePickupPointRequest,
  IdRequest,
  ListPickupPointsQuery,
  TransportSubjects,
  UpdatePickupPointMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { PickupPointsService } from './pickup-points.service';

@Controller()
export class PickupPointsController {
  constructor(private readonly pickupPoints: PickupPointsService) {}

  @MessagePattern(TransportSubjects.pickupPointCreate)
  create(@Payload() body: CreatePickupPointRequest, @Scope() scope: CallerScope) {
    return this.pickupPoints.create(body, scope);
  }

  @MessagePattern(TransportSubjects.pickupPointGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.pickupPoints.get(id, scope);
  }

  @MessagePattern(TransportSubjects.pickupPointList)
  list(@Payload() query: ListPickupPointsQuery, @Scope() scope: CallerScope) {
    return this.pickupPoints.list(query, scope);
  }

  @MessagePattern(TransportSubjects.pickupPointUpdate)
  update(@Payload() message: UpdatePickupPointMessage, @Scope() scope: CallerScope) {
    return this.pickupPoints.update(message, scope);
  }
}
