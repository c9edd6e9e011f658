import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { PgErrorCode, pgConstraint, pgErrorCode } from '@rasad/common';
import {
  AllocationView,
  CallerScope,
  CreateAllocationRequest,
  DomainError,
  ErrorCode,
  ListAllocationsQuery,
  LodgingEvents,
  Page,
  ReleaseAllocationMessage,
  StayTimeMessage,
} from '@rasad/contracts';
import { DEFAULT_NIGHT_POLICY, toLocalDate } from '@rasad/duty-assignments';
import { Outbox, inScope } from '@rasad/messaging';
import { v7 as uuidv7 } from 'uuid';
import { LodgingEnv } from '../lodging.env';
import { nightNeeds } from '../shared/night-needs';
import { PeopleRepository } from '../shared/people.repository';
import { nightsOfQuery } from '../shared/query-nights';
import { AllocationsRepository, NewAllocation, allocationEvent } from './allocations.repository';
import { genderClash } from './room-gender';
import { nightRange, stayNight } from './stay-nights';

/**
 * A person's bed for a range of nights. The database holds the overbooking rule (one person a bed a night, one bed
 * a person a night); this service turns its refusal into a 409 that names the night and the allocation in the way.
 */
@Injectable()
export class AllocationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly allocations: AllocationsRepository,
    private readonly people: PeopleRepository,
    private readonly env: LodgingEnv,
  ) {}

  async create(body: CreateAllocationRequest, scope: CallerScope): Promise<AllocationView> {
    const nights = nightRange(body.firstNight, body.lastNight);
    const wanted: NewAllocation = {
      id: uuidv7(),
      personnelId: body.personnelId,
      bedId: body.bedId,
      districtId: '',
      nights,
      source: 'manual',
    };
    try {
      const created = await this.em.transactional(async (em) => {
        const place = await this.allocations.bedPlace(em, body.bedId);
        if (!place || !inScope(scope, place.districtId)) {
          throw DomainError.referenceNotFound('bedId', 'bed', body.bedId);
        }
        const person = await this.people.person(em, body.personnelId, scope);
        if (!person) {
          throw DomainError.referenceNotFound('personnelId', 'personnel', body.personnelId);
        }
        const clash = genderClash(place, person);
        if (clash) {
          throw new DomainError(ErrorCode.RoomGender, clash, [{ field: 'bedId', message: clash }], {
            roomId: place.roomId,
          });
        }
        await this.ensureNeeded(em, body.personnelId, nights);
        wanted.districtId = place.districtId;
        await this.allocations.insert(em, [wanted]);
        const view = (await this.allocations.find(em, wanted.id))!;
        this.outbox.record(em, LodgingEvents.allocationCreated, view.id, allocationEvent(view));
        return view;
      });
      return await this.marked(created);
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.uniqueViolation) {
        this.em.clear();
        throw await this.clashError(wanted, pgConstraint(error), scope);
      }
      throw error;
    }
  }

  async get(id: string, scope: CallerScope): Promise<AllocationView> {
    return this.marked(await this.findInScope(this.em, id, scope));
  }

  async list(query: ListAllocationsQuery, scope: CallerScope): Promise<Page<AllocationView>> {
    const nights = nightsOfQuery(query, this.env.RASAD_TIME_ZONE);
    const page = await this.allocations.list(this.em, query, scope, nights);
    return { ...page, items: await this.withSurplus(this.em, page.items) };
  }

  /** Gives back every night not yet begun (tonight's included); the nights gone by stay on record. */
  async release(message: ReleaseAllocationMessage, scope: CallerScope): Promise<AllocationView> {
    const changed = await this.em.transactional(async (em) => {
      const before = await this.findInScope(em, message.id, scope, true);
      const released = await this.allocations.release(
        em,
        before.id,
        toLocalDate(new Date(), this.env.RASAD_TIME_ZONE),
        'released',
      );
      const view = (await this.allocations.find(em, before.id))!;
      if (released.length > 0) {
        this.outbox.record(em, LodgingEvents.allocationReleased, view.id, {
          allocation: allocationEvent(view),
          released,
          reason: 'released',
          note: message.reason,
        });
      }
      return view;
    });
    return this.marked(changed);
  }

  /**
   * The person has arrived for a night the allocation holds; checking in again keeps the first time. Someone who comes
   * after the cut-off gave their night back gets the bed again if no one else has taken it (409 naming who has).
   */
  async checkIn(message: StayTimeMessage, scope: CallerScope): Promise<AllocationView> {
    const at = message.at ? new Date(message.at) : new Date();
    try {
      const changed = await this.em.transactional(async (em) => {
        const before = await this.findInScope(em, message.id, scope, true);
        if (before.checkedOutAt) {
          throw invalidStay('at', `allocation ${before.id} was checked out at ${before.checkedOutAt}`);
        }
        const night = stayNight(at, this.env.RASAD_TIME_ZONE);
        const held = before.nights.some((n) => n.night === night && n.status === 'held');
        if (!held && !(await this.allocations.reclaimNoShow(em, before.id, night))) {
          throw invalidStay('at', `allocation ${before.id} holds no bed for the night of ${night}`);
        }
        if (before.checkedInAt && held) {
          return before;
        }
        await this.allocations.checkIn(em, before.id, at);
        const view = (await this.allocations.find(em, before.id))!;
        this.outbox.record(em, LodgingEvents.allocationCheckedIn, view.id, {
          allocation: allocationEvent(view),
          at: at.toISOString(),
        });
        return view;
      });
      return await this.marked(changed);
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.uniqueViolation) {
        this.em.clear();
        const view = await this.findInScope(this.em, message.id, scope);
        const night = stayNight(at, this.env.RASAD_TIME_ZONE);
        throw await this.clashError(
          { ...view, bedId: view.place.bedId, nights: [night], source: view.source },
          pgConstraint(error),
          scope,
        );
      }
      throw error;
    }
  }

  /** The person has left: the nights from the day they left on are given back. */
  async checkOut(message: StayTimeMessage, scope: CallerScope): Promise<AllocationView> {
    const at = message.at ? new Date(message.at) : new Date();
    const changed = await this.em.transactional(async (em) => {
      const before = await this.findInScope(em, message.id, scope, true);
      if (!before.checkedInAt) {
        throw invalidStay('at', `allocation ${before.id} has not been checked in`);
      }
      if (before.checkedOutAt) {
        return before;
      }
      if (at.getTime() < new Date(before.checkedInAt).getTime()) {
        throw invalidStay('at', `at must not be before the check-in, ${before.checkedInAt}`);
      }
      await this.allocations.checkOut(em, before.id, at);
      const released = await this.allocations.release(
        em,
        before.id,
        toLocalDate(at, this.env.RASAD_TIME_ZONE),
        'checked_out',
      );
      const view = (await this.allocations.find(em, before.id))!;
      this.outbox.record(em, LodgingEvents.allocationCheckedOut, view.id, {
        allocation: allocationEvent(view),
        at: at.toISOString(),
      });
      if (released.length > 0) {
        this.outbox.record(em, LodgingEvents.allocationReleased, view.id, {
          allocation: allocationEvent(view),
          released,
          reason: 'checked_out',
          note: null,
        });
      }
      return view;
    });
    return this.marked(changed);
  }

  /** Every night must be one the person's duties need: a bed is not given for a night off duty. */
  private async ensureNeeded(em: EntityManager, personnelId: string, nights: string[]): Promise<void> {
    const needed = await this.neededNights(em, [personnelId]);
    const outside = nights.find((night) => !needed.has(`${personnelId}|${night}`));
    if (outside) {
      const field = outside === nights[0] ? 'firstNight' : 'lastNight';
      const message = `night ${outside} is outside personnel ${personnelId}'s duties: none of them needs a bed that night`;
      throw new DomainError(ErrorCode.ValidationFailed, message, [{ field, message }]);
    }
  }

  /** `<personnelId>|<night>` for every night the people's live duties need. */
  private async neededNights(em: EntityManager, personnelIds: string[]): Promise<Set<string>> {
    const duties = await this.people.dutiesOf(em, personnelIds);
    const needs = nightNeeds(duties, { ...DEFAULT_NIGHT_POLICY, timeZone: this.env.RASAD_TIME_ZONE });
    return new Set(needs.map((need) => `${need.personnelId}|${need.night}`));
  }

  /** Marks each held night that no live duty of its person needs any more. */
  private async withSurplus<T extends AllocationView>(em: EntityManager, views: T[]): Promise<T[]> {
    const needed = await this.neededNights(em, [...new Set(views.map((view) => view.personnelId))]);
    return views.map((view) => ({
      ...view,
      nights: view.nights.map((night) => ({
        ...night,
        surplus: night.status === 'held' && !needed.has(`${view.personnelId}|${night.night}`),
      })),
    }));
  }

  private async marked(view: AllocationView): Promise<AllocationView> {
    const [marked] = await this.withSurplus(this.em, [view]);
    return marked;
  }

  private async findInScope(em: EntityManager, id: string, scope: CallerScope, lock = false): Promise<AllocationView> {
    if (lock) {
      await this.allocations.lock(em, id);
    }
    const allocation = await this.allocations.find(em, id);
    if (!allocation || !inScope(scope, allocation.districtId)) {
      throw DomainError.notFound('allocation', id);
    }
    return allocation;
  }

  /** Names the night and the allocation the database refused to double-book; another district's is only "another". */
  private async clashError(wanted: NewAllocation, constraint: string | undefined, scope: CallerScope) {
    const onBed = constraint === 'bed_night_bed_once';
    const clashes = (await this.allocations.clashes(this.em, wanted)).filter((held) =>
      onBed ? held.bedId === wanted.bedId : held.personnelId === wanted.personnelId,
    );
    const clash = clashes[0];
    const visible = clash && inScope(scope, clash.districtId);
    const where = visible ? `allocation ${clash.allocationId} at ${clash.siteName}` : 'another allocation';
    const night = clash ? ` on the night of ${clash.night}` : '';
    const message = onBed
      ? `bed ${wanted.bedId} is already held by ${where}${night}`
      : `personnel ${wanted.personnelId} already has a bed in ${where}${night}`;
    return new DomainError(
      onBed ? ErrorCode.BedTaken : ErrorCode.PersonHoused,
      message,
      [{ field: onBed ? 'bedId' : 'personnelId', message }],
      { clashingAllocationId: visible ? clash.allocationId : null, night: clash?.night ?? null },
    );
  }
}

function invalidStay(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.InvalidState, message, [{ field, message }]);
}
