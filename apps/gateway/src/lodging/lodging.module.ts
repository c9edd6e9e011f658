import { Module } from '@nestjs/common';
import { LodgingAllocationsController } from './lodging-allocations.controller';
import { LodgingSitesController } from './lodging-sites.controller';

@Module({ controllers: [LodgingSitesController, LodgingAllocationsController] })
export class LodgingRoutesModule {}
