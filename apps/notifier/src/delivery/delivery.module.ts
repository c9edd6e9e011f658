import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { DeliveryRepository } from './delivery.repository';
import { Dispatcher } from './dispatcher';

@Module({ imports: [ChannelsModule], providers: [Dispatcher, DeliveryRepository] })
export class DeliveryModule {}
