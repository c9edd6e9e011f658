import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CallerScope, ListLegsQuery, TransportSubjects } from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { LegsService } from './legs.service';

@Controller()
export class LegsController {
  constructor(private readonly legs: LegsService) {}

  @MessagePattern(TransportSubjects.legList)
  list(@Payload() query: ListLegsQuery, @Scope() scope: CallerScope) {
    return this.legs.list(query, scope);
  }
}
