import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CallerScope, HeadcountsQuery, MealsSubjects } from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { HeadcountsService } from './headcounts.service';

@Controller()
export class HeadcountsController {
  constructor(private readonly headcounts: HeadcountsService) {}

  @MessagePattern(MealsSubjects.headcountList)
  list(@Payload() query: HeadcountsQuery, @Scope() scope: CallerScope) {
    return this.headcounts.list(query, scope);
  }
}
