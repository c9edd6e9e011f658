import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MealPolicyRequest, MealSlotsQuery, MealsSubjects } from '@rasad/contracts';
import { PolicyService } from './policy.service';

@Controller()
export class PolicyController {
  constructor(private readonly policy: PolicyService) {}

  @MessagePattern(MealsSubjects.policyGet)
  get() {
    return this.policy.get();
  }

  @MessagePattern(MealsSubjects.policySet)
  set(@Payload() body: MealPolicyRequest) {
    return this.policy.set(body);
  }

  @MessagePattern(MealsSubjects.slotsOn)
  slots(@Payload() query: MealSlotsQuery) {
    return this.policy.slots(query);
  }
}
