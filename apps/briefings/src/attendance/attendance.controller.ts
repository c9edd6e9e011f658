import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AttendedTopicsQuery, CallerScope, ListAttendanceMessage, RollCallMessage, Subjects } from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { AttendanceService } from './attendance.service';

@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @MessagePattern(Subjects.attendanceRecord)
  record(@Payload() message: RollCallMessage, @Scope() scope: CallerScope) {
    return this.attendance.record(message, scope);
  }

  @MessagePattern(Subjects.attendanceList)
  list(@Payload() query: ListAttendanceMessage, @Scope() scope: CallerScope) {
    return this.attendance.list(query, scope);
  }

  @MessagePattern(Subjects.attendedTopics)
  attendedTopics(@Payload() { personnelId }: AttendedTopicsQuery, @Scope() scope: CallerScope) {
    return this.attendance.attendedTopics(personnelId, scope);
  }
}
