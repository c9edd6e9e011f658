import { DynamicModule, Module } from '@nestjs/common';
import { BriefingsEnv } from '../briefings.env';
import { ReminderPlanner } from './reminder-planner.service';
import { ReminderScheduler } from './reminder-scheduler.service';
import { RemindersConsumer } from './reminders.consumer';
import { RemindersRepository } from './reminders.repository';

/** Reminders before each session: planned from briefings' own events, fired by a polling scheduler. */
@Module({})
export class RemindersModule {
  static forRoot(env: BriefingsEnv): DynamicModule {
    return {
      module: RemindersModule,
      providers: [
        { provide: BriefingsEnv, useValue: env },
        RemindersRepository,
        ReminderPlanner,
        RemindersConsumer,
        ReminderScheduler,
      ],
    };
  }
}
