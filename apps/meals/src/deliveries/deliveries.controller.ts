import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallerScope,
  DeliverMealMessage,
  DispatchMealMessage,
  DistrictDateQuery,
  MealsSubjects,
  ServeMealMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { DeliveriesService } from './deliveries.service';

@Controller()
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @MessagePattern(MealsSubjects.dispatch)
  dispatch(@Payload() message: DispatchMealMessage, @Scope() scope: CallerScope) {
    return this.deliveries.dispatch(message, scope);
  }

  @MessagePattern(MealsSubjects.deliver)
  deliver(@Payload() message: DeliverMealMessage, @Scope() scope: CallerScope) {
    return this.deliveries.deliver(message, scope);
  }

  @MessagePattern(MealsSubjects.serve)
  serve(@Payload() message: ServeMealMessage, @Scope() scope: CallerScope) {
    return this.deliveries.serve(message, scope);
  }

  @MessagePattern(MealsSubjects.deliveryProblems)
  problems(@Payload() query: DistrictDateQuery, @Scope() scope: CallerScope) {
    return this.deliveries.problems(query, scope);
  }
}
