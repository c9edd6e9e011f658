import { Module } from '@nestjs/common';
import { rosterProjection } from '@rasad/roster-projection';
import { READINESS_ROSTER_PROJECTION } from './roster-projection.options';
import { SourcesConsumer } from './sources.consumer';
import { SourcesRepository } from './sources.repository';
import { VerdictHooks } from './verdict-hooks';
import { VerdictsRepository } from './verdicts.repository';
import { VerdictsService } from './verdicts.service';

/** The read model: the copy of the roster and of every other service's reports, and the verdicts judged from them. */
@Module({
  providers: [
    ...rosterProjection({ ...READINESS_ROSTER_PROJECTION, hooks: VerdictHooks }),
    VerdictHooks,
    VerdictsRepository,
    VerdictsService,
    SourcesRepository,
    SourcesConsumer,
  ],
})
export class VerdictsModule {}
