import { Controller, Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdRequest, ListDeadLettersQuery, deadLetterSubjects } from '@rasad/contracts';
import { DeadLettersService } from './dead-letters.service';

/** The dead-letter handlers of one service, on subjects named after it. */
export function deadLettersController(service: string): Type<unknown> {
  const subjects = deadLetterSubjects(service);

  @Controller()
  class DeadLettersController {
    constructor(private readonly deadLetters: DeadLettersService) {}

    @MessagePattern(subjects.list)
    list(@Payload() query: ListDeadLettersQuery) {
      return this.deadLetters.list(query);
    }

    @MessagePattern(subjects.replay)
    replay(@Payload() { id }: IdRequest) {
      return this.deadLetters.replay(id);
    }
  }
  return DeadLettersController;
}
