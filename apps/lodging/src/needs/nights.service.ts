import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CallerScope, ListNightsQuery, LodgingNightView, Page } from '@rasad/contracts';
import { DEFAULT_NIGHT_POLICY, addDays, startOfLocalDay, toLocalDate } from '@rasad/duty-assignments';
import { inScope } from '@rasad/messaging';
import { nightRange } from '../allocations/stay-nights';
import { LodgingEnv } from '../lodging.env';
import { nightNeeds } from '../shared/night-needs';
import { PeopleRepository } from '../shared/people.repository';
import { nightsOfQuery } from '../shared/query-nights';
import { NightsRepository } from './nights.repository';

/** Without `to`, a month of nights from `from` (or from tonight). */
const DEFAULT_NIGHTS = 31;

/**
 * Who needs a bed when, and whether they have one: the needs come from the roster projection's live duties through
 * the domain rules (`bedNightsNeeded`, `needsLodging`), on every read, so a reposting or a cancellation shows at once
 * as `unhoused` or `surplus`.
 */
@Injectable()
export class NightsService {
  constructor(
    private readonly em: EntityManager,
    private readonly nights: NightsRepository,
    private readonly people: PeopleRepository,
    private readonly env: LodgingEnv,
  ) {}

  async list(query: ListNightsQuery, scope: CallerScope): Promise<Page<LodgingNightView>> {
    const zone = this.env.RASAD_TIME_ZONE;
    const asked = nightsOfQuery(query, zone);
    const first = asked.from ?? toLocalDate(new Date(), zone);
    const range = nightRange(first, asked.to ?? addDays(first, DEFAULT_NIGHTS - 1), { first: 'from', last: 'to' });
    const nights = { first: range[0], last: range[range.length - 1] };
    const districts = query.districtId ? [query.districtId] : scope.districtIds;
    const around = await this.people.dutiesAround(this.em, districts, {
      from: startOfLocalDay(nights.first, zone),
      to: startOfLocalDay(addDays(nights.last, 2), zone),
    });
    const holders = await this.nights.peopleAround(this.em, districts, nights);
    const everyone = [...new Set([...around.map((duty) => duty.personnelId), ...holders])];
    const duties = await this.people.dutiesOf(this.em, everyone);
    const needs = nightNeeds(duties, { ...DEFAULT_NIGHT_POLICY, timeZone: zone })
      .filter((need) => need.night >= nights.first && need.night <= nights.last)
      .map((need) => ({
        ...need,
        inScope: inScope(scope, need.districtId) && (!query.districtId || need.districtId === query.districtId),
      }));
    return this.nights.list(this.em, query, scope, nights, needs);
  }
}
