import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AddPassengersMessage,
  CallerScope,
  DomainError,
  ErrorCode,
  ListManifestMessage,
  ManifestEntryView,
  Page,
  RemovePassengerMessage,
  TransportEvents,
} from '@rasad/contracts';
import { Outbox } from '@rasad/messaging';
import { DutyFact, RosterFactsRepository } from '../roster/roster-facts.repository';
import { findInScope, invalid } from '../shared/records';
import { TripConstraint, violatedTripConstraint } from '../shared/trip-constraints';
import { Trip } from '../trips/trip.entity';
import { TripsRepository } from '../trips/trips.repository';
import { legsNeeded } from '../legs/legs-needed';
import { ManifestsRepository, NewEntry } from './manifests.repository';

/** Trips that still take passengers: not yet on the road, nor called off. */
const BOOKABLE = new Set(['planned', 'dispatched']);

@Injectable()
export class ManifestsService {
  constructor(
    private readonly em: EntityManager,
    private readonly manifests: ManifestsRepository,
    private readonly trips: TripsRepository,
    private readonly roster: RosterFactsRepository,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Books each passenger for the leg of their duty that the trip drives (its direction), all or none. The database
   * decides between concurrent bookings: past the seats a TRIP.FULL, a person already on an overlapping trip a
   * TRIP.OVERLAP naming that trip.
   */
  async add(message: AddPassengersMessage, scope: CallerScope): Promise<ManifestEntryView[]> {
    const dutyIds = message.passengers.map((p) => p.dutyId);
    let entries: NewEntry[] = [];
    let trip: Trip | undefined;
    try {
      const ids = await this.em.transactional(async (em) => {
        trip = await findInScope(em, Trip, 'trip', message.id, scope, true);
        if (!BOOKABLE.has(trip.status)) {
          throw new DomainError(ErrorCode.InvalidState, `trip ${trip.id} is ${trip.status}: cannot book passengers`);
        }
        entries = await this.entries(em, trip, dutyIds);
        const booked = await this.manifests.book(em, trip.id, entries);
        await this.announce(em, trip.id, booked, TransportEvents.manifestBooked);
        return booked;
      });
      return await this.manifests.views(this.em, ids);
    } catch (error) {
      throw (trip && (await this.bookingClash(error, trip, entries))) || error;
    }
  }

  /** Books on the caller's transaction, for the planner's accept; the database still holds seats and overlaps. */
  async bookIn(em: EntityManager, trip: Trip, dutyIds: string[]): Promise<string[]> {
    const booked = await this.manifests.book(em, trip.id, await this.entries(em, trip, dutyIds));
    await this.announce(em, trip.id, booked, TransportEvents.manifestBooked);
    return booked;
  }

  /** One event per entry, in the transaction that booked or cancelled them, the trip's id as aggregate. */
  async announce(
    em: EntityManager,
    tripId: string,
    entryIds: string[],
    subject: typeof TransportEvents.manifestBooked | typeof TransportEvents.manifestCancelled,
  ): Promise<void> {
    const events = await this.manifests.events(em, entryIds);
    await this.outbox.insertMany(
      em,
      events.map((payload) => ({ subject, aggregateId: tripId, payload })),
    );
  }

  async remove({ id, entryId }: RemovePassengerMessage, scope: CallerScope): Promise<ManifestEntryView> {
    await this.em.transactional(async (em) => {
      await findInScope(em, Trip, 'trip', id, scope, true);
      if (!(await this.manifests.cancel(em, id, entryId))) {
        throw DomainError.notFound('manifest entry', entryId);
      }
      await this.announce(em, id, [entryId], TransportEvents.manifestCancelled);
    });
    const [view] = await this.manifests.views(this.em, [entryId]);
    return view;
  }

  async list(query: ListManifestMessage, scope: CallerScope): Promise<Page<ManifestEntryView>> {
    await findInScope(this.em, Trip, 'trip', query.id, scope);
    return this.manifests.list(this.em, query);
  }

  /** Each named duty, live, at a stop of the trip; a 4xx naming the passenger otherwise. */
  private async entries(em: EntityManager, trip: Trip, dutyIds: string[]): Promise<NewEntry[]> {
    const duties = await this.roster.duties(em, dutyIds);
    const [view] = await this.trips.views(em, [trip.id]);
    const stops = new Set(view.stops.map((stop) => stop.postId));
    const people = new Map<string, number>();
    const found: DutyFact[] = dutyIds.map((dutyId, i) => {
      const field = `passengers[${i}].dutyId`;
      const duty = duties.get(dutyId);
      if (!duty || duty.status === 'cancelled') {
        throw DomainError.referenceNotFound(field, duty ? 'live duty' : 'duty', dutyId);
      }
      if (!stops.has(duty.postId)) {
        const message = `duty ${dutyId} is at post ${duty.postId}, which is not a stop of trip ${trip.id}`;
        throw new DomainError(ErrorCode.ReferenceNotFound, message, [{ field, message }]);
      }
      const before = people.get(duty.personnelId);
      if (before !== undefined) {
        throw invalid(field, `${field} books personnel ${duty.personnelId} again (passengers[${before}])`);
      }
      people.set(duty.personnelId, i);
      return duty;
    });
    // The leg this booking serves: the trip's direction, of the stay the duty belongs to.
    const legs = legsNeeded(await this.roster.liveDutiesOf(em, [...people.keys()]));
    return found.map((duty) => ({
      personnelId: duty.personnelId,
      dutyId: duty.id,
      postId: duty.postId,
      legAt: legs.find((leg) => leg.kind === trip.direction && leg.dutyIds.includes(duty.id))!.at,
    }));
  }

  private async bookingClash(error: unknown, trip: Trip, entries: NewEntry[]): Promise<DomainError | null> {
    const constraint = violatedTripConstraint(error);
    if (constraint === TripConstraint.seats) {
      this.em.clear();
      const now = await this.em.findOneOrFail(Trip, { id: trip.id });
      const left = Math.max(now.seats - now.seatsTaken, 0);
      const message = `trip ${trip.id} has ${left} of ${now.seats} seats left; ${entries.length} more were asked for`;
      return new DomainError(ErrorCode.TripFull, message, [{ field: 'passengers', message }], {
        tripId: trip.id,
        seats: now.seats,
        seatsTaken: now.seatsTaken,
        requested: entries.length,
      });
    }
    if (constraint === TripConstraint.personOverlap) {
      this.em.clear();
      const clash = await this.manifests.clashing(
        this.em,
        entries.map((entry) => entry.personnelId),
        trip,
      );
      const index = clash ? entries.findIndex((entry) => entry.personnelId === clash.personnelId) : 0;
      const message = clash
        ? `personnel ${clash.personnelId} is already on trip ${clash.tripId} from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}, which overlaps this trip`
        : 'a passenger is already on another trip that overlaps this one';
      return new DomainError(ErrorCode.TripOverlap, message, [{ field: `passengers[${index}].dutyId`, message }], {
        clashingTripId: clash?.tripId ?? null,
      });
    }
    return null;
  }
}
