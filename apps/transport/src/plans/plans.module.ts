import { Module } from '@nestjs/common';
import { ManifestsModule } from '../manifests/manifests.module';
import { TripsModule } from '../trips/trips.module';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

@Module({
  imports: [TripsModule, ManifestsModule],
  controllers: [PlansController],
  providers: [PlansService, PlansRepository],
})
export class PlansModule {}
