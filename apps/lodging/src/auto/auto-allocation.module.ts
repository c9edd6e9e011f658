import { Module } from '@nestjs/common';
import { AllocationsModule } from '../allocations/allocations.module';
import { PeopleRepository } from '../shared/people.repository';
import { AutoAllocationController } from './auto-allocation.controller';
import { AutoAllocationRepository } from './auto-allocation.repository';
import { AutoAllocationService } from './auto-allocation.service';

/** Beds for a district's needed nights, from the free ones. */
@Module({
  imports: [AllocationsModule],
  controllers: [AutoAllocationController],
  providers: [AutoAllocationService, AutoAllocationRepository, PeopleRepository],
})
export class AutoAllocationModule {}
