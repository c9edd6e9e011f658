import { Module } from '@nestjs/common';
import { DutyRelease } from './duty-release.service';
import { ProjectionsRepository } from './projections.repository';
import { RosterProjectionConsumer } from './roster-projection.consumer';

@Module({ providers: [RosterProjectionConsumer, DutyRelease, ProjectionsRepository] })
export class ProjectionsModule {}
