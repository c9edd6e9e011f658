import { Module } from '@nestjs/common';
import { RosterFactsRepository } from '../roster/roster-facts.repository';
import { TripsModule } from '../trips/trips.module';
import { ManifestsController } from './manifests.controller';
import { ManifestsRepository } from './manifests.repository';
import { ManifestsService } from './manifests.service';

@Module({
  imports: [TripsModule],
  controllers: [ManifestsController],
  providers: [ManifestsService, ManifestsRepository, RosterFactsRepository],
  exports: [ManifestsService],
})
export class ManifestsModule {}
