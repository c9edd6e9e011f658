import { Module } from '@nestjs/common';
import { DriversController, PickupPointsController, VehiclesController } from './fleet.controller';
import { TripsController } from './trips.controller';

@Module({ controllers: [VehiclesController, DriversController, PickupPointsController, TripsController] })
export class TransportRoutesModule {}
