import { Module } from '@nestjs/common';
import { ManifestsRepository } from '../manifests/manifests.repository';
import { RosterFactsRepository } from '../roster/roster-facts.repository';
import { RunSheetsRepository } from './run-sheets.repository';
import { TripsController } from './trips.controller';
import { TripsRepository } from './trips.repository';
import { TripsService } from './trips.service';

@Module({
  controllers: [TripsController],
  providers: [TripsService, TripsRepository, RosterFactsRepository, ManifestsRepository, RunSheetsRepository],
  exports: [TripsRepository, TripsService],
})
export class TripsModule {}
