import { MikroOrmModule } from '@mikro-orm/nestjs';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pinoParams } from '@rasad/common';
import { EventsModule, healthController, serviceProviders } from '@rasad/messaging';
import { AttendanceModule } from './attendance/attendance.module';
import { BriefingsEnv } from './briefings.env';
import { CalendarModule } from './calendar/calendar.module';
import { InvitationsModule } from './invitations/invitations.module';
import { BRIEFINGS_SCHEMA, briefingsOrmOptions } from './mikro-orm.config';
import { ProjectionsModule } from './projections/projections.module';
import { SessionsModule } from './sessions/sessions.module';
import { RemindersModule } from './reminders/reminders.module';

@Module({})
export class BriefingsModule {
  static forRoot(env: BriefingsEnv): DynamicModule {
    return {
      module: BriefingsModule,
      imports: [
        LoggerModule.forRoot(pinoParams('briefings', env.LOG_LEVEL, false, env.LOG_FILE)),
        MikroOrmModule.forRoot(briefingsOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX)),
        ProjectionsModule,
        SessionsModule,
        InvitationsModule,
        AttendanceModule,
        EventsModule.forRoot({
          service: 'briefings',
          schema: BRIEFINGS_SCHEMA,
          databaseUrl: env.DATABASE_URL,
          nats: { url: env.NATS_URL, user: env.NATS_USER, pass: env.NATS_PASSWORD },
          streamReplicas: env.NATS_STREAM_REPLICAS,
          // Briefings consumes the roster's events into its projections.
          consumer: {},
        }),
        RemindersModule.forRoot(env),
        CalendarModule,
      ],
      controllers: [healthController('briefings')],
      providers: [{ provide: BriefingsEnv, useValue: env }, ...serviceProviders()],
    };
  }
}
