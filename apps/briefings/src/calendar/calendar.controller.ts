import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BriefingsSubjects,
  CalendarLinkIssueMessage,
  CalendarLinkRequest,
  CallerScope,
  DistrictCalendarQuery,
  PersonalCalendarRequest,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { CalendarService } from './calendar.service';

@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @MessagePattern(BriefingsSubjects.calendarDistrict)
  district(@Payload() { districtId }: DistrictCalendarQuery, @Scope() scope: CallerScope) {
    return this.calendar.district(districtId, scope);
  }

  /** No scope: the token is the authority (calendar apps cannot sign in). */
  @MessagePattern(BriefingsSubjects.calendarPersonal)
  personal(@Payload() { token }: PersonalCalendarRequest) {
    return this.calendar.personal(token);
  }

  @MessagePattern(BriefingsSubjects.calendarLinkIssue)
  issue(@Payload() message: CalendarLinkIssueMessage, @Scope() scope: CallerScope) {
    return this.calendar.issueLink(message, scope);
  }

  @MessagePattern(BriefingsSubjects.calendarLinkRevoke)
  revoke(@Payload() { personnelId }: CalendarLinkRequest, @Scope() scope: CallerScope) {
    return this.calendar.revokeLink(personnelId, scope);
  }
}
