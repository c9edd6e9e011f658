import { Controller, Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { consumerStatusSubject } from '@rasad/contracts';
import { EventConsumer } from './event-consumer';

/** Answers how far behind the events this service is, on a subject named after it. */
export function consumerStatusController(service: string): Type<unknown> {
  @Controller()
  class ConsumerStatusController {
    constructor(private readonly consumer: EventConsumer) {}

    @MessagePattern(consumerStatusSubject(service))
    status() {
      return this.consumer.status();
    }
  }
  return ConsumerStatusController;
}
