import { Module } from '@nestjs/common';
import { PeopleRepository } from '../shared/people.repository';
import { AllocationsController } from './allocations.controller';
import { AllocationsRepository } from './allocations.repository';
import { AllocationsService } from './allocations.service';

/** Allocations of beds to people for nights, check-in and check-out. */
@Module({
  controllers: [AllocationsController],
  providers: [AllocationsService, AllocationsRepository, PeopleRepository],
  exports: [AllocationsRepository],
})
export class AllocationsModule {}
