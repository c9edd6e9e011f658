import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CallerScope, LegView, ListLegsQuery, Page } from '@rasad/contracts';
import { RosterFactsRepository } from '../roster/roster-facts.repository';
import { TransportEnv } from '../transport.env';
import { legsNeeded } from './legs-needed';
import { LegsRepository } from './legs.repository';
import { localDay } from './local-day';

@Injectable()
export class LegsService {
  constructor(
    private readonly em: EntityManager,
    private readonly legs: LegsRepository,
    private readonly roster: RosterFactsRepository,
    private readonly env: TransportEnv,
  ) {}

  /** The legs falling on a local day, with their coverage; an officer asks for the uncovered ones to plan them. */
  list(query: ListLegsQuery, scope: CallerScope): Promise<Page<LegView>> {
    return this.legs.list(this.em, query, localDay(query.date, this.env.RASAD_TIME_ZONE), scope);
  }

  /** Makes these people's legs what their live duties need now; a leg no longer needed becomes void for `reasonOf`. */
  async recompute(em: EntityManager, personnelIds: string[], reasonOf: (personnelId: string) => string): Promise<void> {
    if (personnelIds.length === 0) {
      return;
    }
    await this.legs.lockPeople(em, personnelIds);
    const needed = legsNeeded(await this.roster.liveDutiesOf(em, personnelIds));
    await this.legs.reconcile(em, personnelIds, needed, reasonOf);
  }
}
