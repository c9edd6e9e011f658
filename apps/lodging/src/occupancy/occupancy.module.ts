import { Module } from '@nestjs/common';
import { OccupancyController } from './occupancy.controller';
import { OccupancyRepository } from './occupancy.repository';
import { OccupancyService } from './occupancy.service';

/** Occupancy per site and night. */
@Module({ controllers: [OccupancyController], providers: [OccupancyService, OccupancyRepository] })
export class OccupancyModule {}
