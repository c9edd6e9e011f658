import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AcceptPlanRequest, CallerScope, PlanRequest, TransportSubjects } from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { PlansService } from './plans.service';

@Controller()
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @MessagePattern(TransportSubjects.planDraft)
  draft(@Payload() body: PlanRequest, @Scope() scope: CallerScope) {
    return this.plans.draft(body, scope);
  }

  @MessagePattern(TransportSubjects.planAccept)
  accept(@Payload() body: AcceptPlanRequest, @Scope() scope: CallerScope) {
    return this.plans.accept(body, scope);
  }
}
