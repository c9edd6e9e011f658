import { Module } from '@nestjs/common';
import { RosterProjectionOptions, rosterProjection } from '@rasad/roster-projection';
import { RosterFactsRepository } from '../roster/roster-facts.repository';
import { LegsController } from './legs.controller';
import { LegsHooks } from './legs.hooks';
import { LegsRepository } from './legs.repository';
import { LegsService } from './legs.service';

/** People (with their travel mode), posts (with their coordinates) and duties, in schema `transport`. */
export const TRANSPORT_ROSTER_PROJECTION = {
  schema: 'transport',
  tables: ['personnel', 'post', 'duty'],
  travel: true,
} as const satisfies RosterProjectionOptions;

/** The legs duties need, kept from the roster's duty events through the shared projection's hooks. */
@Module({
  controllers: [LegsController],
  providers: [
    LegsService,
    LegsRepository,
    LegsHooks,
    RosterFactsRepository,
    ...rosterProjection({ ...TRANSPORT_ROSTER_PROJECTION, hooks: LegsHooks }),
  ],
})
export class LegsModule {}
