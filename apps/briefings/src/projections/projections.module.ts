import { Module } from '@nestjs/common';
import { rosterProjection } from '@rasad/roster-projection';
import { BRIEFINGS_SCHEMA } from '../mikro-orm.config';
import { DutyRelease } from './duty-release.service';
import { DutyReleaseRepository } from './duty-release.repository';

/** Briefings' copy of the roster (people, posts, duties: what a fill reads), and the seats a duty gives back. */
@Module({
  providers: [
    DutyRelease,
    DutyReleaseRepository,
    ...rosterProjection({ schema: BRIEFINGS_SCHEMA, tables: ['personnel', 'post', 'duty'], hooks: DutyRelease }),
  ],
})
export class ProjectionsModule {}
