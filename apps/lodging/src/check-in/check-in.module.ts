import { Module } from '@nestjs/common';
import { AllocationsModule } from '../allocations/allocations.module';
import { NoShowSweep } from './no-show-sweep.service';
import { NoShowRepository } from './no-show.repository';

/** The check-in cut-off: beds of people who did not come are given back, night by night. */
@Module({ imports: [AllocationsModule], providers: [NoShowSweep, NoShowRepository] })
export class CheckInModule {}
