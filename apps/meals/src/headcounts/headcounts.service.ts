import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CallerScope, HeadcountView, HeadcountsQuery, MealPolicyView, Page } from '@rasad/contracts';
import { addDays, startOfLocalDay } from '@rasad/duty-assignments';
import { ensureInScope } from '@rasad/messaging';
import { ensureDeploymentDate, slotOn } from '../policy/meal-policy';
import { PolicyService } from '../policy/policy.service';
import { RosterFactsRepository } from '../roster/roster-facts.repository';
import { computedPage } from '../shared/computed-page';
import { Headcount, headcountId, headcountsOn, tallyOf } from './headcount';

/** Who needs feeding where: derived on every read from the roster projection's live duties, never stored. */
@Injectable()
export class HeadcountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly policies: PolicyService,
    private readonly facts: RosterFactsRepository,
  ) {}

  async list(query: HeadcountsQuery, scope: CallerScope): Promise<Page<HeadcountView>> {
    ensureInScope(scope, query.districtId, 'district', query.districtId);
    const policy = await this.policies.get();
    ensureDeploymentDate(policy, query.date);
    if (query.slot) {
      slotOn(policy, query.date, query.slot);
    }
    const counts = (await this.on(this.em, policy, query.districtId, query.date, query.postId)).filter(
      (headcount) => !query.slot || headcount.slot === query.slot,
    );
    return computedPage(
      counts.map((headcount) => headcountView(headcount, query.names === true)),
      query,
    );
  }

  /** The district's (or one post's) headcounts on a date, every slot. */
  async on(
    em: EntityManager,
    policy: MealPolicyView,
    districtId: string,
    date: string,
    postId?: string,
  ): Promise<Headcount[]> {
    // A duty covering any slot of the date overlaps the day before to the day after it (sehri, late dinners).
    const from = startOfLocalDay(addDays(date, -1), policy.timeZone);
    const to = startOfLocalDay(addDays(date, 2), policy.timeZone);
    const duties = await this.facts.dutiesAround(em, districtId, from, to, postId);
    return headcountsOn(duties, policy, date);
  }
}

export function headcountView(headcount: Headcount, withNames: boolean): HeadcountView {
  return {
    id: headcountId(headcount.post.id, headcount.date, headcount.slot),
    postId: headcount.post.id,
    postCode: headcount.post.code,
    postName: headcount.post.name,
    tehsilId: headcount.post.tehsilId,
    date: headcount.date,
    slot: headcount.slot,
    count: headcount.people.length,
    dietary: tallyOf(headcount.people),
    ...(withNames ? { people: headcount.people } : {}),
  };
}
