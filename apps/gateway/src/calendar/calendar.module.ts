import { Module } from '@nestjs/common';
import { BriefingsCalendarController } from './briefings-calendar.controller';
import { CalendarLinksController } from './calendar-links.controller';
import { PersonalCalendarController } from './personal-calendar.controller';

@Module({ controllers: [BriefingsCalendarController, PersonalCalendarController, CalendarLinksController] })
export class CalendarRoutesModule {}
