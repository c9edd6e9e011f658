import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CallerScope, OccupancyQuery, OccupancyView, Page } from '@rasad/contracts';
import { LodgingEnv } from '../lodging.env';
import { nightRange } from '../allocations/stay-nights';
import { nightsOfQuery } from '../shared/query-nights';
import { OccupancyRepository } from './occupancy.repository';

/** How full each site is, night by night. */
@Injectable()
export class OccupancyService {
  constructor(
    private readonly em: EntityManager,
    private readonly occupancy: OccupancyRepository,
    private readonly env: LodgingEnv,
  ) {}

  list(query: OccupancyQuery, scope: CallerScope): Promise<Page<OccupancyView>> {
    const { from, to } = nightsOfQuery(query, this.env.RASAD_TIME_ZONE);
    const nights = nightRange(from!, to!, { first: 'from', last: 'to' });
    return this.occupancy.list(this.em, query, scope, { first: nights[0], last: nights[nights.length - 1] });
  }
}
