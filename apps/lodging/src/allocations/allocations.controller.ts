import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallerScope,
  CreateAllocationRequest,
  IdRequest,
  ListAllocationsQuery,
  LodgingSubjects,
  ReleaseAllocationMessage,
  StayTimeMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { AllocationsService } from './allocations.service';

@Controller()
export class AllocationsController {
  constructor(private readonly allocations: AllocationsService) {}

  @MessagePattern(LodgingSubjects.allocationCreate)
  create(@Payload() body: CreateAllocationRequest, @Scope() scope: CallerScope) {
    return this.allocations.create(body, scope);
  }

  @MessagePattern(LodgingSubjects.allocationGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.allocations.get(id, scope);
  }

  @MessagePattern(LodgingSubjects.allocationList)
  list(@Payload() query: ListAllocationsQuery, @Scope() scope: CallerScope) {
    return this.allocations.list(query, scope);
  }

  @MessagePattern(LodgingSubjects.allocationRelease)
  release(@Payload() message: ReleaseAllocationMessage, @Scope() scope: CallerScope) {
    return this.allocations.release(message, scope);
  }

  @MessagePattern(LodgingSubjects.allocationCheckIn)
  checkIn(@Payload() message: StayTimeMessage, @Scope() scope: CallerScope) {
    return this.allocations.checkIn(message, scope);
  }

  @MessagePattern(LodgingSubjects.allocationCheckOut)
  checkOut(@Payload() message: StayTimeMessage, @Scope() scope: CallerScope) {
    return this.allocations.checkOut(message, scope);
  }
}
