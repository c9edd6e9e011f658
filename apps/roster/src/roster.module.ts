import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { OrmContextInterceptor, pinoParams } from '@rasad/common';
import { DomainRpcExceptionFilter, EventsModule, RpcLoggingInterceptor, rasadValidationPipe } from '@rasad/messaging';
import { AssignmentsModule } from './assignments/assignments.module';
import { GeographyModule } from './geography/geography.module';
import { HealthController } from './health/health.controller';
import { ImportsModule } from './imports/imports.module';
import { ROSTER_SCHEMA, rosterOrmOptions } from './mikro-orm.config';
import { PersonnelModule } from './personnel/personnel.module';
import { PostsModule } from './posts/posts.module';
import { RosterEnv } from './roster.env';
import { SeedService } from './seed/seed.service';
import { UnitsModule } from './units/units.module';

@Module({})
export class RosterModule {
  static forRoot(env: RosterEnv): DynamicModule {
    return {
      module: RosterModule,
      imports: [
        LoggerModule.forRoot(pinoParams('roster', env.LOG_LEVEL, false, env.LOG_FILE)),
        MikroOrmModule.forRoot(rosterOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX)),
        GeographyModule,
        UnitsModule,
        PostsModule,
        PersonnelModule,
        AssignmentsModule,
        ImportsModule,
        EventsModule.forRoot({
          service: 'roster',
          schema: ROSTER_SCHEMA,
          databaseUrl: env.DATABASE_URL,
          nats: { url: env.NATS_URL, user: env.NATS_USER, pass: env.NATS_PASSWORD },
          streamReplicas: env.NATS_STREAM_REPLICAS,
        }),
      ],
      controllers: [HealthController],
      providers: [
        SeedService,
        { provide: RosterEnv, useValue: env },
        { provide: APP_PIPE, useFactory: rasadValidationPipe },
        { provide: APP_FILTER, useClass: DomainRpcExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: RpcLoggingInterceptor },
        { provide: APP_INTERCEPTOR, useClass: OrmContextInterceptor },
      ],
    };
  }
}
