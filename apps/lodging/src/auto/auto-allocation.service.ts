import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { PgErrorCode, pgErrorCode } from '@rasad/common';
import {
  AutoAllocateRequest,
  AutoAllocationView,
  CallerScope,
  LodgingEvents,
  UnhousedNightView,
} from '@rasad/contracts';
import { DEFAULT_NIGHT_POLICY, addDays, startOfLocalDay, toLocalDate } from '@rasad/duty-assignments';
import { NewEvent, Outbox, ensureReferenceInScope } from '@rasad/messaging';
import { v7 as uuidv7 } from 'uuid';
import { AllocationsRepository, NewAllocation, allocationEvent } from '../allocations/allocations.repository';
import { nightRange } from '../allocations/stay-nights';
import { LodgingEnv } from '../lodging.env';
import { nightNeeds } from '../shared/night-needs';
import { PeopleRepository } from '../shared/people.repository';
import { AutoAllocationRepository, HeldBedNight } from './auto-allocation.repository';
import { PlanPerson, planHousing } from './housing-plan';

/** A manual allocation that slipped in between our read and our write: plan again from what is free now. */
const ATTEMPTS = 3;

const key = (personnelId: string, night: string) => `${personnelId}|${night}`;

/**
 * Houses a district's needed nights in a range from its free beds (see `planHousing`), after giving back the nights
 * held there that no live duty needs any more (`surplus`), in one transaction.
 */
@Injectable()
export class AutoAllocationService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly auto: AutoAllocationRepository,
    private readonly allocations: AllocationsRepository,
    private readonly people: PeopleRepository,
    private readonly env: LodgingEnv,
  ) {}

  async allocate(body: AutoAllocateRequest, scope: CallerScope): Promise<AutoAllocationView> {
    ensureReferenceInScope(scope, body.districtId, 'districtId', 'district', body.districtId);
    const nights = nightRange(body.from, body.to, { first: 'from', last: 'to' });
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.em.transactional((em) => this.run(em, body.districtId, nights));
      } catch (error) {
        if (attempt >= ATTEMPTS || pgErrorCode(error) !== PgErrorCode.uniqueViolation) {
          throw error;
        }
      }
    }
  }

  private async run(em: EntityManager, districtId: string, nights: string[]): Promise<AutoAllocationView> {
    const zone = this.env.RASAD_TIME_ZONE;
    await this.auto.lockDistrict(em, districtId);
    const held = await this.auto.held(em, districtId, nights);
    // Duties that can need a night of the range start before the morning after it and end after its first evening.
    const around = await this.people.dutiesAround(em, [districtId], {
      from: startOfLocalDay(nights[0], zone),
      to: startOfLocalDay(addDays(nights[nights.length - 1], 2), zone),
    });
    const everyone = [...new Set([...around.map((d) => d.personnelId), ...held.map((h) => h.personnelId)])];
    const needs = nightNeeds(await this.people.dutiesOf(em, everyone), { ...DEFAULT_NIGHT_POLICY, timeZone: zone });
    const needed = new Set(needs.map((need) => key(need.personnelId, need.night)));

    const releasedSurplus = await this.releaseSurplus(em, held, needed, toLocalDate(new Date(), zone));

    const inRange = new Set(nights);
    const wanted = needs.filter((n) => n.districtId === districtId && n.needsLodging && inRange.has(n.night));
    const housed = await this.auto.housed(em, [...new Set(wanted.map((n) => n.personnelId))], nights);
    const open = wanted.filter((n) => !housed.has(key(n.personnelId, n.night)));
    const people = new Map(
      (await this.people.people(em, [...new Set(open.map((n) => n.personnelId))])).map((p) => [p.id, p]),
    );
    const posts = await this.people.posts(em, [...new Set(open.map((n) => n.postId))]);

    const planPeople = new Map<string, PlanPerson>();
    const unknown: UnhousedNightView[] = [];
    for (const need of open) {
      const person = people.get(need.personnelId);
      if (!person) {
        unknown.push({ ...need, serviceNumber: '', name: '', reason: 'person_not_known' });
        continue;
      }
      const planned = planPeople.get(person.id) ?? {
        id: person.id,
        gender: person.gender,
        unitId: person.unitId,
        nights: [],
      };
      planned.nights.push({ night: need.night, postId: need.postId });
      planPeople.set(person.id, planned);
    }
    const plan = planHousing({
      people: [...planPeople.values()],
      posts: new Map(posts.map((post) => [post.id, post])),
      sites: await this.auto.sites(em, districtId),
      beds: await this.auto.beds(em, districtId),
      taken: await this.auto.taken(em, districtId, nights),
      maxKm: this.env.LODGING_MAX_DISTANCE_KM,
    });

    const made: NewAllocation[] = plan.allocations.map((a) => ({
      id: uuidv7(),
      personnelId: a.personnelId,
      bedId: a.bedId,
      districtId,
      nights: a.nights,
      source: 'auto',
    }));
    await this.allocations.insert(em, made);
    await this.outbox.insertMany(
      em,
      (
        await this.allocations.findMany(
          em,
          made.map((a) => a.id),
        )
      ).map((view): NewEvent => ({
        subject: LodgingEvents.allocationCreated,
        aggregateId: view.id,
        payload: allocationEvent(view),
      })),
    );
    const unhoused = [
      ...unknown,
      ...plan.unhoused.map((night) => {
        const person = people.get(night.personnelId)!;
        return { ...night, serviceNumber: person.serviceNumber, name: person.name };
      }),
    ].sort(
      (a, b) =>
        a.night.localeCompare(b.night) || a.name.localeCompare(b.name) || a.personnelId.localeCompare(b.personnelId),
    );
    return {
      allocations: made.length,
      housedNights: made.reduce((sum, a) => sum + a.nights.length, 0),
      releasedSurplus,
      unhoused: unhoused.map(({ personnelId, serviceNumber, name, night, postId, reason }) => ({
        personnelId,
        serviceNumber,
        name,
        night,
        postId,
        reason,
      })),
    };
  }

  /** Gives back the held nights from tonight on that no live duty needs; how many. */
  private async releaseSurplus(
    em: EntityManager,
    held: HeldBedNight[],
    needed: Set<string>,
    today: string,
  ): Promise<number> {
    const byAllocation = new Map<string, string[]>();
    for (const night of held) {
      if (night.night >= today && !needed.has(key(night.personnelId, night.night))) {
        byAllocation.set(night.allocationId, [...(byAllocation.get(night.allocationId) ?? []), night.night]);
      }
    }
    const events: NewEvent[] = [];
    let count = 0;
    for (const [allocationId, nights] of byAllocation) {
      const released = await this.auto.releaseNights(em, allocationId, nights, 'surplus');
      count += released.length;
      const view = (await this.allocations.find(em, allocationId))!;
      events.push({
        subject: LodgingEvents.allocationReleased,
        aggregateId: allocationId,
        payload: { allocation: allocationEvent(view), released, reason: 'surplus', note: null },
      });
    }
    await this.outbox.insertMany(em, events);
    return count;
  }
}
