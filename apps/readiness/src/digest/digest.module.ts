import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { VerdictsModule } from '../verdicts/verdicts.module';
import { DigestRepository } from './digest.repository';
import { DigestScheduler } from './digest-scheduler.service';
import { DistrictNamesConsumer } from './district-names.consumer';

/** The daily digest of each district's readiness, for its commanders (sent by the notifier). */
@Module({
  imports: [ReportsModule, VerdictsModule],
  providers: [DigestRepository, DigestScheduler, DistrictNamesConsumer],
})
export class DigestModule {}
