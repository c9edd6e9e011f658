import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallerScope,
  CreateMealPlanRequest,
  GenerateMealPlansRequest,
  IdRequest,
  ListMealPlansQuery,
  MealsSubjects,
  UpdateMealPlanMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { GenerateService } from './generate.service';
import { PlansService } from './plans.service';

@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly generation: GenerateService,
  ) {}

  @MessagePattern(MealsSubjects.planCreate)
  create(@Payload() body: CreateMealPlanRequest, @Scope() scope: CallerScope) {
    return this.plans.create(body, scope);
  }

  @MessagePattern(MealsSubjects.planGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.plans.get(id, scope);
  }

  @MessagePattern(MealsSubjects.planList)
  list(@Payload() query: ListMealPlansQuery, @Scope() scope: CallerScope) {
    return this.plans.list(query, scope);
  }

  @MessagePattern(MealsSubjects.planUpdate)
  update(@Payload() message: UpdateMealPlanMessage, @Scope() scope: CallerScope) {
    return this.plans.update(message, scope);
  }

  @MessagePattern(MealsSubjects.planGenerate)
  generate(@Payload() body: GenerateMealPlansRequest, @Scope() scope: CallerScope) {
    return this.generation.generate(body, scope);
  }
}
