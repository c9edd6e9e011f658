import { Module } from '@nestjs/common';
import { HeadcountsModule } from '../headcounts/headcounts.module';
import { KitchensModule } from '../kitchens/kitchens.module';
import { GenerateService } from './generate.service';
import { PlanViews } from './plan-views';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

@Module({
  imports: [HeadcountsModule, KitchensModule],
  controllers: [PlansController],
  providers: [PlansService, GenerateService, PlansRepository, PlanViews],
  exports: [PlansRepository, PlanViews],
})
export class PlansModule {}
