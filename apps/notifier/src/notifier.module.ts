import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pinoParams } from '@rasad/common';
import { EventsModule, healthController, serviceProviders } from '@rasad/messaging';
import { DeliveryModule } from './delivery/delivery.module';
import { NOTIFIER_SCHEMA, notifierOrmOptions } from './mikro-orm.config';
import { NoticesModule } from './notices/notices.module';
import { NotifierEnv } from './notifier.env';
import { PreferencesModule } from './preferences/preferences.module';

@Module({})
export class NotifierModule {
  static forRoot(env: NotifierEnv): DynamicModule {
    return {
      module: NotifierModule,
      // Its env is read by every context module.
      global: true,
      imports: [
        LoggerModule.forRoot(pinoParams('notifier', env.LOG_LEVEL, false, env.LOG_FILE)),
        MikroOrmModule.forRoot(notifierOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX)),
        NoticesModule,
        PreferencesModule,
        DeliveryModule,
        EventsModule.forRoot({
          service: 'notifier',
          schema: NOTIFIER_SCHEMA,
          databaseUrl: env.DATABASE_URL,
          nats: { url: env.NATS_URL, user: env.NATS_USER, pass: env.NATS_PASSWORD },
          streamReplicas: env.NATS_STREAM_REPLICAS,
          // A notice for someone the roster has not told us about yet waits for their event: about two minutes.
          consumer: { maxDeliveries: 8, backoffMs: 1000 },
        }),
      ],
      controllers: [healthController('notifier')],
      providers: [{ provide: NotifierEnv, useValue: env }, ...serviceProviders()],
      exports: [NotifierEnv],
    };
  }
}
