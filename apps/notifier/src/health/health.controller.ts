import { EntityManager } from '@mikro-orm/postgresql';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PingReply, Subjects } from '@rasad/contracts';

@Controller()
export class HealthController {
  constructor(private readonly em: EntityManager) {}

  /** Answered over NATS for the gateway's /health, with this service's own view of its database. */
  @MessagePattern(Subjects.notifierPing)
  async ping(): Promise<PingReply> {
    try {
      await this.em.execute('select 1');
      return { service: 'notifier', database: 'up' };
    } catch {
      return { service: 'notifier', database: 'down' };
    }
  }
}
