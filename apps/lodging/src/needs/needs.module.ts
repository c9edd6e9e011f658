import { Module } from '@nestjs/common';
import { rosterProjection } from '@rasad/roster-projection';
import { LODGING_SCHEMA } from '../mikro-orm.config';
import { PeopleRepository } from '../shared/people.repository';
import { NightsController } from './nights.controller';
import { NightsRepository } from './nights.repository';
import { NightsService } from './nights.service';

/**
 * The nights people's duties need, housed or not, and the beds no duty needs any more, from lodging's copy of the
 * roster. The needs are computed from it on each read, so no duty event needs a reaction (no hooks).
 */
@Module({
  controllers: [NightsController],
  providers: [
    NightsService,
    NightsRepository,
    PeopleRepository,
    ...rosterProjection({
      schema: LODGING_SCHEMA,
      tables: ['personnel', 'post', 'duty'],
      genders: true,
      postPlaces: true,
    }),
  ],
})
export class NeedsModule {}
