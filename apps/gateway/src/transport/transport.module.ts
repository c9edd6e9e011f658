import { Module } from '@nestjs/common';
import { DriversController, PickupPointsController, VehiclesController } from './fleet.controller';
import { LegsController } from './legs.controller';
import { PlansController } from './plans.controller';
import { TripsController } from './trips.controller';

@Module({
  controllers: [
    VehiclesController,
    DriversController,
    PickupPointsController,
    TripsController,
    LegsController,
    PlansController,
  ],
})
export class TransportRoutesModule {}
