import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CallerScope,
  CreateKitchenRequest,
  IdRequest,
  ListKitchensQuery,
  MealsSubjects,
  UpdateKitchenMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { KitchensService } from './kitchens.service';

@Controller()
export class KitchensController {
  constructor(private readonly kitchens: KitchensService) {}

  @MessagePattern(MealsSubjects.kitchenCreate)
  create(@Payload() body: CreateKitchenRequest, @Scope() scope: CallerScope) {
    return this.kitchens.create(body, scope);
  }

  @MessagePattern(MealsSubjects.kitchenGet)
  get(@Payload() { id }: IdRequest, @Scope() scope: CallerScope) {
    return this.kitchens.get(id, scope);
  }

  @MessagePattern(MealsSubjects.kitchenList)
  list(@Payload() query: ListKitchensQuery, @Scope() scope: CallerScope) {
    return this.kitchens.list(query, scope);
  }

  @MessagePattern(MealsSubjects.kitchenUpdate)
  update(@Payload() message: UpdateKitchenMessage, @Scope() scope: CallerScope) {
    return this.kitchens.update(message, scope);
  }
}
