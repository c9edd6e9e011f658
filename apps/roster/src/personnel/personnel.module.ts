import { Module } from '@nestjs/common';
import { PersonnelController } from './personnel.controller';
import { PersonnelStatusService } from './personnel-status.service';
import { PersonnelService } from './personnel.service';

@Module({
  controllers: [PersonnelController],
  providers: [PersonnelService, PersonnelStatusService],
  exports: [PersonnelService],
})
export class PersonnelModule {}
