import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AttendedTopicsQuery,
  BriefingsSubjects,
  CallerScope,
  ListAttendanceMessage,
  RollCallMessage,
} from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { AttendanceService } from './attendance.service';

@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @MessagePattern(BriefingsSubjects.attendanceRecord)
  record(@Payload() message: RollCallMessage, @Scope() scope: CallerScope) {
    return this.attendance.record(message, scope);
  }

  @MessagePattern(BriefingsSubjects.attendanceList)
  list(@Payload() query: ListAttendanceMessage, @Scope() scope: CallerScope) {
    return this.attendance.list(query, scope);
  }

  @MessagePattern(BriefingsSubjects.attendedTopics)
  attendedTopics(@Payload() { personnelId }: AttendedTopicsQuery, @Scope() scope: CallerScope) {
    return this.attendance.attendedTopics(personnelId, scope);
  }
}
