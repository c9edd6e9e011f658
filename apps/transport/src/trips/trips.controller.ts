import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ArriveAtStopMessage,
  CallerScope,
  CancelTripMessage,
  CreateTripRequest,
  IdRequest,
  ListTripsQuery,
  TransportSubjects,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { TripsService } from './trips.service';

@Controller()
export class TripsController {
  constructor(private readonly trips: TripsService) {}

  @MessagePattern(TransportSubjects.tripCreate)
  create(@Payload() body: CreateTripRequest, @Scope() scope: CallerScope) {
    return this.trips.create(body, scope);
  }

  @MessagePattern(TransportSubjects.tripGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.trips.get(id, scope);
  }

  @MessagePattern(TransportSubjects.tripList)
  list(@Payload() query: ListTripsQuery, @Scope() scope: CallerScope) {
    return this.trips.list(query, scope);
  }

  @MessagePattern(TransportSubjects.tripRunSheet)
  runSheet(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.trips.runSheet(id, scope);
  }

  @MessagePattern(TransportSubjects.tripDispatch)
  dispatch(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.trips.dispatch(id, scope);
  }

  @MessagePattern(TransportSubjects.tripArrive)
  arrive(@Payload() message: ArriveAtStopMessage, @Scope() scope: CallerScope) {
    return this.trips.arrive(message, scope);
  }

  @MessagePattern(TransportSubjects.tripComplete)
  complete(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.trips.complete(id, scope);
  }

  @MessagePattern(TransportSubjects.tripCancel)
  cancel(@Payload() message: CancelTripMessage, @Scope() scope: CallerScope) {
    return this.trips.cancel(message, scope);
  }
}
