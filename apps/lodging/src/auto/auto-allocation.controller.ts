import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AutoAllocateRequest, CallerScope, LodgingSubjects } from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { AutoAllocationService } from './auto-allocation.service';

@Controller()
export class AutoAllocationController {
  constructor(private readonly auto: AutoAllocationService) {}

  @MessagePattern(LodgingSubjects.allocationAuto)
  allocate(@Payload() body: AutoAllocateRequest, @Scope() scope: CallerScope) {
    return this.auto.allocate(body, scope);
  }
}
