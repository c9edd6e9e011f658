import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { OrmContextInterceptor, pinoParams } from '@rasad/common';
import { DomainRpcExceptionFilter, EventsModule, RpcLoggingInterceptor, rasadValidationPipe } from '@rasad/messaging';
import { DeliveryModule } from './delivery/delivery.module';
import { HealthController } from './health/health.controller';
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
      controllers: [HealthController],
      providers: [
        { provide: NotifierEnv, useValue: env },
        { provide: APP_PIPE, useFactory: rasadValidationPipe },
        { provide: APP_FILTER, useClass: DomainRpcExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: RpcLoggingInterceptor },
        { provide: APP_INTERCEPTOR, useClass: OrmContextInterceptor },
      ],
      exports: [NotifierEnv],
    };
  }
}
