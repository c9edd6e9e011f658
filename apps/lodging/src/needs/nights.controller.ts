import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CallerScope, ListNightsQuery, LodgingSubjects } from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { NightsService } from './nights.service';

@Controller()
export class NightsController {
  constructor(private readonly nights: NightsService) {}

  @MessagePattern(LodgingSubjects.nightList)
  list(@Payload() query: ListNightsQuery, @Scope() scope: CallerScope) {
    return this.nights.list(query, scope);
  }
}
