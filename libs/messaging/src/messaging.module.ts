import { DynamicModule, Module } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { NatsSettings, natsConnectionOptions } from './nats-options';
import { RASAD_CLIENT_OPTIONS, RASAD_NATS_CLIENT, RasadClient } from './rasad-client';

export interface MessagingClientSettings extends NatsSettings {
  timeoutMs: number;
}

@Module({})
export class MessagingModule {
  static forClient(settings: MessagingClientSettings): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        {
          provide: RASAD_NATS_CLIENT,
          useFactory: () =>
            ClientProxyFactory.create({ transport: Transport.NATS, options: natsConnectionOptions(settings) }),
        },
        { provide: RASAD_CLIENT_OPTIONS, useValue: { timeoutMs: settings.timeoutMs } },
        RasadClient,
      ],
      exports: [RasadClient, RASAD_NATS_CLIENT],
    };
  }
}
