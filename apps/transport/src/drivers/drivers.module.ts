import { Module } from '@nestjs/common';
import { RosterFactsRepository } from '../roster/roster-facts.repository';
import { DriversController } from './drivers.controller';
import { DriversRepository } from './drivers.repository';
import { DriversService } from './drivers.service';

@Module({
  controllers: [DriversController],
  providers: [DriversService, DriversRepository, RosterFactsRepository],
})
export class DriversModule {}
