import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { DeliveryRepository } from './delivery.repository';
import { Dispatcher } from './dispatcher';
import { NoticeMetrics } from './notice-metrics';

@Module({ imports: [ChannelsModule], providers: [Dispatcher, DeliveryRepository, NoticeMetrics] })
export class DeliveryModule {}
