import { Module } from '@nestjs/common';
import { PeopleRepository } from '../shared/people.repository';
import { AttendanceController } from './attendance.controller';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';

@Module({ controllers: [AttendanceController], providers: [AttendanceService, AttendanceRepository, PeopleRepository] })
export class AttendanceModule {}
