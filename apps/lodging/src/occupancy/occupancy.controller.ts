import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CallerScope, LodgingSubjects, OccupancyQuery } from '@rasad/contracts';
import { Scope } from '@rasad/messaging';
import { OccupancyService } from './occupancy.service';

@Controller()
export class OccupancyController {
  constructor(private readonly occupancy: OccupancyService) {}

  @MessagePattern(LodgingSubjects.occupancyList)
  list(@Payload() query: OccupancyQuery, @Scope() scope: CallerScope) {
    return this.occupancy.list(query, scope);
  }
}
