import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ArriveAtStopMessage,
  CallerScope,
  CancelTripMessage,
  CreateTripRequest,
  DomainError,
  ErrorCode,
  ListTripsQuery,
  Page,
  RunSheetView,
  TransportEvents,
  TripEvent,
  TripView,
} from '@rasad/contracts';
import { toLocalDate } from '@rasad/duty-assignments';
import { Outbox, ensureReferenceInScope } from '@rasad/messaging';
import { ManifestsRepository } from '../manifests/manifests.repository';
import { Driver } from '../drivers/driver.entity';
import { licenceProblem } from '../drivers/licence';
import { PickupPoint } from '../pickup-points/pickup-point.entity';
import { RosterFactsRepository } from '../roster/roster-facts.repository';
import { findInScope, findReference } from '../shared/records';
import { TripConstraint, violatedTripConstraint } from '../shared/trip-constraints';
import { TransportEnv } from '../transport.env';
import { Vehicle } from '../vehicles/vehicle.entity';
import { Trip } from './trip.entity';
import { TripAction, nextStatus } from './trip-progress';
import { TripPlan, tripPlan } from './trip-plan';
import { RunSheetsRepository } from './run-sheets.repository';
import { TripsRepository } from './trips.repository';

type TripSubject = (typeof TransportEvents)[
  'tripPlanned' | 'tripDispatched' | 'tripArrived' | 'tripCompleted' | 'tripCancelled'];

const PROGRESS_EVENTS: Record<TripAction, TripSubject> = {
  dispatch: TransportEvents.tripDispatched,
  arrive: TransportEvents.tripArrived,
  complete: TransportEvents.tripCompleted,
  cancel: TransportEvents.tripCancelled,
};

function tripEvent(view: TripView): TripEvent {
  return {
    id: view.id,
    districtId: view.districtId,
    vehicleId: view.vehicleId,
    driverId: view.driverId,
    pickupPointId: view.pickupPointId,
    direction: view.direction,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    status: view.status,
    statusReason: view.statusReason,
    stops: view.stops.map(({ position, postId, arrivesAt, departsAt, arrivedAt }) => ({
      position,
      postId,
      arrivesAt,
      departsAt,
      arrivedAt,
    })),
  };
}

@Injectable()
export class TripsService {
  constructor(
    private readonly em: EntityManager,
    private readonly trips: TripsRepository,
    private readonly roster: RosterFactsRepository,
    private readonly env: TransportEnv,
    private readonly outbox: Outbox,
    private readonly manifests: ManifestsRepository,
    private readonly sheets: RunSheetsRepository,
  ) {}

  /**
   * Books the vehicle and the driver for the trip's window. The exclusion constraints decide between concurrent
   * bookings: the one that loses is a 409 naming the trip it clashed with.
   */
  async create(body: CreateTripRequest, scope: CallerScope): Promise<TripView> {
    const plan = tripPlan(body);
    const refs = await this.references(this.em, body, plan, scope);
    try {
      const trip = await this.em.transactional((em) => this.insert(em, body, plan, refs));
      return await this.view(trip.id);
    } catch (error) {
      throw (await this.bookingClash(error, plan, refs.vehicle, refs.driver)) ?? error;
    }
  }

  /** Checks and writes one trip in the caller's transaction: the planner's accept writes many in one. */
  async createIn(em: EntityManager, body: CreateTripRequest, scope: CallerScope): Promise<Trip> {
    const plan = tripPlan(body);
    return this.insert(em, body, plan, await this.references(em, body, plan, scope));
  }

  private async insert(
    em: EntityManager,
    body: CreateTripRequest,
    plan: TripPlan,
    { vehicle, driver }: { vehicle: Vehicle; driver: Driver },
  ): Promise<Trip> {
    const trip = em.create(Trip, {
      districtId: body.districtId,
      vehicleId: vehicle.id,
      driverId: driver.id,
      pickupPointId: body.pickupPointId,
      direction: body.direction,
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
      seats: vehicle.seats,
      notes: body.notes ?? null,
    });
    await em.flush();
    await this.trips.insertStops(em, trip.id, plan.stops);
    await this.announce(em, trip.id, TransportEvents.tripPlanned);
    return trip;
  }

  async get(id: string, scope: CallerScope): Promise<TripView> {
    await findInScope(this.em, Trip, 'trip', id, scope);
    return this.view(id);
  }

  list(query: ListTripsQuery, scope: CallerScope): Promise<Page<TripView>> {
    return this.trips.list(this.em, query, scope);
  }

  /** Frees the vehicle and the driver; the trigger cancels every booking on it and gives back the seats. */
  async cancel({ id, reason }: CancelTripMessage, scope: CallerScope): Promise<TripView> {
    return this.progress(id, scope, 'cancel', { statusReason: reason });
  }

  /** What the driver carries: vehicle, driver, where to start, and each stop with who gets off or on there. */
  async runSheet(id: string, scope: CallerScope): Promise<RunSheetView> {
    await findInScope(this.em, Trip, 'trip', id, scope);
    const [trip, head, passengers] = await Promise.all([
      this.view(id),
      this.sheets.head(this.em, id),
      this.sheets.passengersByPost(this.em, id),
    ]);
    return {
      trip,
      vehicle: { registration: head.registration, type: head.type, seats: head.seats },
      driver: { name: head.driver_name, serviceNumber: head.driver_service_number, licenceNumber: head.licence_number },
      pickupPoint: { name: head.pickup_name, address: head.pickup_address },
      stops: trip.stops.map(({ position, postId, postCode, postName, arrivesAt, departsAt }) => ({
        position,
        postId,
        postCode,
        postName,
        arrivesAt,
        departsAt,
        passengers: passengers.get(postId) ?? [],
      })),
    };
  }

  dispatch(id: string, scope: CallerScope): Promise<TripView> {
    return this.progress(id, scope, 'dispatch');
  }

  /** Records the arrival at a stop (now, unless given): the view flags it late after a passenger's arriveBy there. */
  async arrive({ id, position, arrivedAt }: ArriveAtStopMessage, scope: CallerScope): Promise<TripView> {
    return this.progress(id, scope, 'arrive', {}, async (em) => {
      const at = arrivedAt ? new Date(arrivedAt) : new Date();
      if (!(await this.trips.arrive(em, id, position, at))) {
        throw DomainError.notFound('stop', `${id}/${position}`);
      }
    });
  }

  complete(id: string, scope: CallerScope): Promise<TripView> {
    return this.progress(id, scope, 'complete');
  }

  private async progress(
    id: string,
    scope: CallerScope,
    action: TripAction,
    changes: Partial<Trip> = {},
    alongside?: (em: EntityManager) => Promise<void>,
  ): Promise<TripView> {
    await this.em.transactional(async (em) => {
      const trip = await findInScope(em, Trip, 'trip', id, scope, true);
      // Cancelling takes every passenger off (the trip's trigger): each is told, as if taken off one by one.
      const leaving = action === 'cancel' ? await this.manifests.events(em, await this.manifests.booked(em, id)) : [];
      em.assign(trip, { ...changes, status: nextStatus(id, trip.status, action) });
      await em.flush();
      await alongside?.(em);
      await this.announce(em, id, PROGRESS_EVENTS[action]);
      await this.outbox.insertMany(
        em,
        leaving.map((payload) => ({ subject: TransportEvents.manifestCancelled, aggregateId: id, payload })),
      );
    });
    return this.view(id);
  }

  /** The trip as it now stands, in the outbox of the transaction that changed it. */
  private async announce(em: EntityManager, id: string, subject: TripSubject): Promise<void> {
    const [view] = await this.trips.views(em, [id]);
    this.outbox.record(em, subject, id, tripEvent(view));
    await em.flush();
  }

  private async view(id: string): Promise<TripView> {
    const [view] = await this.trips.views(this.em, [id]);
    return view;
  }

  /** Everything the trip names, in the trip's district and the caller's; a 422 naming the field otherwise. */
  private async references(em: EntityManager, body: CreateTripRequest, plan: TripPlan, scope: CallerScope) {
    ensureReferenceInScope(scope, body.districtId, 'districtId', 'district', body.districtId);
    const district = body.districtId;
    const vehicle = await findReference(em, Vehicle, 'vehicleId', 'vehicle', body.vehicleId, scope, district);
    const driver = await findReference(em, Driver, 'driverId', 'driver', body.driverId, scope, district);
    await findReference(em, PickupPoint, 'pickupPointId', 'pickup point', body.pickupPointId, scope, district);
    if (vehicle.status !== 'available') {
      const message = `vehicle ${vehicle.registration} is ${vehicle.status.replace('_', ' ')}`;
      throw new DomainError(ErrorCode.InvalidState, message, [{ field: 'vehicleId', message }]);
    }
    const problem = licenceProblem(driver, vehicle.type, toLocalDate(plan.endsAt, this.env.RASAD_TIME_ZONE));
    if (problem) {
      throw new DomainError(ErrorCode.DriverNotLicensed, problem, [{ field: 'driverId', message: problem }], {
        driverId: driver.id,
      });
    }
    const posts = await this.roster.posts(
      em,
      plan.stops.map((stop) => stop.postId),
    );
    plan.stops.forEach((stop) => {
      const post = posts.get(stop.postId);
      if (!post || post.districtId !== district) {
        throw DomainError.referenceNotFound(`stops[${stop.position}].postId`, 'post', stop.postId);
      }
    });
    return { vehicle, driver };
  }

  /** The 409 for a booking the exclusion constraints refused, naming the trip the vehicle or driver is already on. */
  private async bookingClash(
    error: unknown,
    trip: TripPlan,
    vehicle: Vehicle,
    driver: Driver,
  ): Promise<DomainError | null> {
    const constraint = violatedTripConstraint(error);
    if (constraint !== TripConstraint.vehicleOverlap && constraint !== TripConstraint.driverOverlap) {
      return null;
    }
    this.em.clear();
    const [field, column, what] =
      constraint === TripConstraint.vehicleOverlap
        ? (['vehicleId', 'vehicle_id', `vehicle ${vehicle.registration}`] as const)
        : (['driverId', 'driver_id', `driver ${driver.id}`] as const);
    const clash = await this.trips.clashing(this.em, column, field === 'vehicleId' ? vehicle.id : driver.id, trip);
    const where = clash
      ? `trip ${clash.id} from ${clash.startsAt.toISOString()} to ${clash.endsAt.toISOString()}`
      : 'another trip';
    const message = `${what} is already on ${where}, which overlaps ${trip.startsAt.toISOString()} to ${trip.endsAt.toISOString()}`;
    return new DomainError(ErrorCode.TripOverlap, message, [{ field, message }], { clashingTripId: clash?.id ?? null });
  }
}
