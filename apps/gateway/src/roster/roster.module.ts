import { Module } from '@nestjs/common';
import { AssignmentsController } from './assignments.controller';
import { DistrictsController } from './districts.controller';
import { PersonnelController } from './personnel.controller';
import { PoliceStationsController } from './police-stations.controller';
import { PostsController } from './posts.controller';
import { TehsilsController } from './tehsils.controller';
import { UnitsController } from './units.controller';

@Module({
  controllers: [
    DistrictsController,
    TehsilsController,
    PoliceStationsController,
    UnitsController,
    PostsController,
    PersonnelController,
    AssignmentsController,
  ],
})
export class RosterRoutesModule {}
