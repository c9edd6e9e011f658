import { Module } from '@nestjs/common';
import { PeopleRepository } from '../shared/people.repository';
import { CalendarLinksRepository } from './calendar-links.repository';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** iCalendar feeds of briefings: a district's for officers, and each person's behind a revocable link. */
@Module({ controllers: [CalendarController], providers: [CalendarService, CalendarLinksRepository, PeopleRepository] })
export class CalendarModule {}
