import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ServiceMetrics } from '@rasad/common';
import { DeliveryRepository } from './delivery.repository';

/** Notices by status (pending, sent, failed) and channel, counted at each scrape of the notifier's /metrics. */
@Injectable()
export class NoticeMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: ServiceMetrics,
    private readonly orm: MikroORM,
    private readonly delivery: DeliveryRepository,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge('rasad_notices', 'Notices by status and channel', ['status', 'channel'], async (gauge) => {
      for (const { status, channel, notices } of await this.delivery.countsByStatusAndChannel(this.orm.em.fork())) {
        gauge.set({ status, channel }, notices);
      }
    });
  }
}
