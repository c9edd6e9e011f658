import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@rasad/messaging';
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
    return serviceModule({
      module: BriefingsModule,
      service: 'briefings',
      env,
      envClass: BriefingsEnv,
      schema: BRIEFINGS_SCHEMA,
      orm: briefingsOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX),
      imports: [
        ProjectionsModule,
        SessionsModule,
        InvitationsModule,
        AttendanceModule,
        RemindersModule.forRoot(env),
        CalendarModule,
      ],
      // Briefings consumes the roster's events into its projections.
      consumer: {},
    });
  }
}
