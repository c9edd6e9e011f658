import { DynamicModule, Module } from '@nestjs/common';
import { NatsSettings } from './nats-options';
import { RASAD_CLIENT_OPTIONS, RasadClient } from './rasad-client';

export interface MessagingClientSettings extends NatsSettings {
  timeoutMs: number;
}

@Module({})
export class MessagingModule {
  static forClient(settings: MessagingClientSettings): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [{ provide: RASAD_CLIENT_OPTIONS, useValue: settings }, RasadClient],
      exports: [RasadClient],
    };
  }
}
