import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { Dispatcher } from './dispatcher';

@Module({ imports: [ChannelsModule], providers: [Dispatcher] })
export class DeliveryModule {}
