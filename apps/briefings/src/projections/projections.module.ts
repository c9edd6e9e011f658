import { Module } from '@nestjs/common';
import { DutyRelease } from './duty-release';
import { RosterProjectionConsumer } from './roster-projection.consumer';

@Module({ providers: [RosterProjectionConsumer, DutyRelease] })
export class ProjectionsModule {}
