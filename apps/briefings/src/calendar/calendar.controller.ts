import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CalendarLinkIssueMessage,
  CalendarLinkRequest,
  CallerScope,
  DistrictCalendarQuery,
  PersonalCalendarRequest,
  Subjects,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { CalendarService } from './calendar.service';

@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @MessagePattern(Subjects.calendarDistrict)
  district(@Payload() { districtId }: DistrictCalendarQuery, @Scope() scope: CallerScope) {
    return this.calendar.district(districtId, scope);
  }

  /** No scope: the token is the authority (calendar apps cannot sign in). */
  @MessagePattern(Subjects.calendarPersonal)
  personal(@Payload() { token }: PersonalCalendarRequest) {
    return this.calendar.personal(token);
  }

  @MessagePattern(Subjects.calendarLinkIssue)
  issue(@Payload() message: CalendarLinkIssueMessage, @Scope() scope: CallerScope) {
    return this.calendar.issueLink(message, scope);
  }

  @MessagePattern(Subjects.calendarLinkRevoke)
  revoke(@Payload() { personnelId }: CalendarLinkRequest, @Scope() scope: CallerScope) {
    return this.calendar.revokeLink(personnelId, scope);
  }
}
