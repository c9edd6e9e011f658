import { Module } from '@nestjs/common';
import { PersonnelController } from './personnel.controller';
import { PersonnelStatusService } from './personnel-status.service';
import { PersonnelRepository } from './personnel.repository';
import { PersonnelService } from './personnel.service';

@Module({
  controllers: [PersonnelController],
  providers: [PersonnelService, PersonnelStatusService, PersonnelRepository],
  exports: [PersonnelService],
})
export class PersonnelModule {}
