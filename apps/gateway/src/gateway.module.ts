import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ObservabilityModule, pinoParams } from '@rasad/common';
import { MessagingModule, rasadValidationPipe } from '@rasad/messaging';
import { DeadLettersRoutesModule } from './dead-letters/dead-letters.module';
import { GatewayEnv } from './gateway.env';
import { AuthModule } from './auth/auth.module';
import { BriefingsRoutesModule } from './briefings/briefings.module';
import { CalendarRoutesModule } from './calendar/calendar.module';
import { gatewayOrmOptions } from './mikro-orm.config';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { HealthModule } from './health/health.module';
import { HttpErrorFilter } from './http/http-exception.filter';
import { CsvListsInterceptor } from './http/csv-lists.interceptor';
import { TraceHttpInterceptor } from './http/http-observability';
import { LocalTimesInterceptor } from './http/local-times.interceptor';
import { ImportsRoutesModule } from './imports/imports.module';
import { MealsRoutesModule } from './meals/meals.module';
import { NotificationsRoutesModule } from './notifications/notifications.module';
import { ReadinessStreamModule } from './readiness-stream/readiness-stream.module';
import { RosterRoutesModule } from './roster/roster.module';
import { StatusRoutesModule } from './status/status.module';
import { LodgingRoutesModule } from './lodging/lodging.module';
import { TransportRoutesModule } from './transport/transport.module';
import { ReadinessRoutesModule } from './readiness/readiness.module';

@Module({})
export class GatewayModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: GatewayModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          ...pinoParams('gateway', env, true),
          forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
        }),
        MessagingModule.forClient({
          url: env.NATS_URL,
          name: 'gateway',
          user: env.NATS_USER,
          pass: env.NATS_PASSWORD,
          timeoutMs: env.NATS_REQUEST_TIMEOUT_MS,
        }),
        MikroOrmModule.forRoot(gatewayOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX)),
        ObservabilityModule.forRoot('gateway', env),
        AuthModule,
        HealthModule,
        RosterRoutesModule,
        BriefingsRoutesModule,
        ImportsRoutesModule,
        DeadLettersRoutesModule,
        NotificationsRoutesModule,
        CalendarRoutesModule,
        MealsRoutesModule,
        StatusRoutesModule,
        LodgingRoutesModule,
        TransportRoutesModule,
        ReadinessRoutesModule,
        ReadinessStreamModule,
      ],
      providers: [
        { provide: GatewayEnv, useValue: env },
        { provide: APP_PIPE, useFactory: rasadValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: TraceHttpInterceptor },
        { provide: APP_INTERCEPTOR, useClass: LocalTimesInterceptor },
        { provide: APP_INTERCEPTOR, useClass: CsvListsInterceptor },
      ],
      exports: [GatewayEnv],
    };
  }
}
