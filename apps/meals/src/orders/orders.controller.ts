import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CallerScope, KitchenOrdersQuery, MealCostQuery, MealsSubjects } from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { OrdersService } from './orders.service';

@Controller()
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @MessagePattern(MealsSubjects.orderList)
  lines(@Payload() query: KitchenOrdersQuery, @Scope() scope: CallerScope) {
    return this.orders.lines(query, scope);
  }

  @MessagePattern(MealsSubjects.orderPdf)
  pdf(@Payload() query: KitchenOrdersQuery, @Scope() scope: CallerScope) {
    return this.orders.pdf(query, scope);
  }

  @MessagePattern(MealsSubjects.costList)
  cost(@Payload() query: MealCostQuery, @Scope() scope: CallerScope) {
    return this.orders.cost(query, scope);
  }
}
