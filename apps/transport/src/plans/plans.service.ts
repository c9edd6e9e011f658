import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  AcceptPlanRequest,
  AcceptedPlanView,
  CallerScope,
  DomainError,
  ErrorCode,
  PlanDraftView,
  PlanRequest,
} from '@rasad/contracts';
import { toLocalDate } from '@rasad/duty-assignments';
import { ensureReferenceInScope } from '@rasad/messaging';
import { localDay } from '../legs/local-day';
import { ManifestsService } from '../manifests/manifests.service';
import { TripConstraint, violatedTripConstraint } from '../shared/trip-constraints';
import { TransportEnv } from '../transport.env';
import { TripsService } from '../trips/trips.service';
import { Plan, plan } from './planner';
import { PlansRepository } from './plans.repository';

const HOUR_MS = 3600_000;

@Injectable()
export class PlansService {
  constructor(
    private readonly em: EntityManager,
    private readonly plans: PlansRepository,
    private readonly trips: TripsService,
    private readonly manifests: ManifestsService,
    private readonly env: TransportEnv,
  ) {}

  /** A draft for the day's uncovered legs from the vehicles and drivers free then; nothing is written. */
  async draft(body: PlanRequest, scope: CallerScope): Promise<PlanDraftView> {
    ensureReferenceInScope(scope, body.districtId, 'districtId', 'district', body.districtId);
    const zone = this.env.RASAD_TIME_ZONE;
    const day = localDay(body.date, zone);
    const [legs, vehicles, drivers, pickupPoints, busy] = await Promise.all([
      this.plans.uncoveredLegs(this.em, body.districtId, day, body.direction),
      this.plans.vehicles(this.em, body.districtId),
      this.plans.drivers(this.em, body.districtId),
      this.plans.pickupPoints(this.em, body.districtId),
      this.plans.busy(this.em, body.districtId, day),
    ]);
    const result = plan({
      legs,
      vehicles,
      drivers,
      pickupPoints,
      busy,
      policy: {
        speedKmh: this.env.TRANSPORT_AVERAGE_SPEED_KMH,
        roadFactor: this.env.TRANSPORT_ROAD_FACTOR,
        dwellMinutes: this.env.TRANSPORT_STOP_MINUTES,
      },
      now: new Date(),
      localDateOf: (instant) => toLocalDate(instant, zone),
    });
    return draftView(body, legs.length, result);
  }

  /**
   * Writes the draft's trips and bookings in one transaction, each checked as if an officer had entered it; if
   * anything changed meanwhile (a vehicle, driver or passenger taken, seats gone), nothing is written: a 409 to plan
   * again. A refusal of one trip names its field under `trips[i]`.
   */
  async accept(body: AcceptPlanRequest, scope: CallerScope): Promise<AcceptedPlanView> {
    let index = 0;
    try {
      const tripIds = await this.em.transactional(async (em) => {
        const ids: string[] = [];
        for (const [i, { passengers, ...trip }] of body.trips.entries()) {
          index = i;
          const created = await this.trips.createIn(em, { ...trip, districtId: body.districtId }, scope);
          await this.manifests.bookIn(
            em,
            created,
            passengers.map((p) => p.dutyId),
          );
          ids.push(created.id);
        }
        return ids;
      });
      return { tripIds, passengers: body.trips.reduce((n, trip) => n + trip.passengers.length, 0) };
    } catch (error) {
      throw changedMeanwhile(error, index) ?? underTrip(error, index);
    }
  }
}

function draftView(body: PlanRequest, considered: number, result: Plan): PlanDraftView {
  const covered = result.trips.reduce((n, trip) => n + trip.legs.length, 0);
  const hours = result.trips.reduce((ms, trip) => ms + trip.endsAt.getTime() - trip.startsAt.getTime(), 0) / HOUR_MS;
  return {
    districtId: body.districtId,
    date: body.date,
    trips: result.trips.map((trip) => ({
      vehicleId: trip.vehicleId,
      driverId: trip.driverId,
      pickupPointId: trip.pickupPointId,
      direction: trip.direction,
      startsAt: trip.startsAt.toISOString(),
      endsAt: trip.endsAt.toISOString(),
      stops: trip.stops.map((stop) => ({
        postId: stop.postId,
        arrivesAt: stop.arrivesAt.toISOString(),
        departsAt: stop.departsAt.toISOString(),
      })),
      passengers: trip.legs.map((leg) => ({ dutyId: leg.dutyId })),
    })),
    coverage: {
      legs: considered,
      legsCovered: covered,
      vehiclesUsed: new Set(result.trips.map((trip) => trip.vehicleId)).size,
      vehicleHours: Math.round(hours * 10) / 10,
      seatsFilled: covered,
      seatsOffered: result.trips.reduce((n, trip) => n + trip.seats, 0),
      onePerPost: result.onePerPost,
    },
    uncovered: result.uncovered.map(({ leg, reason }) => ({
      legId: leg.id,
      personnelId: leg.personnelId,
      postId: leg.postId,
      kind: leg.kind,
      at: leg.at.toISOString(),
      reason,
    })),
  };
}

function changedMeanwhile(error: unknown, index: number): DomainError | null {
  const constraint = violatedTripConstraint(error);
  if (!constraint) {
    return null;
  }
  const what = {
    [TripConstraint.vehicleOverlap]: 'its vehicle is on another trip by now',
    [TripConstraint.driverOverlap]: 'its driver is on another trip by now',
    [TripConstraint.personOverlap]: 'a passenger is on another trip by now',
    [TripConstraint.seats]: 'its passengers no longer fit the seats',
  }[constraint];
  const message = `trips[${index}]: ${what}; nothing was written, plan again`;
  const code = constraint === TripConstraint.seats ? ErrorCode.TripFull : ErrorCode.TripOverlap;
  return new DomainError(code, message, [{ field: `trips[${index}]`, message }]);
}

/** A trip's own refusal (a 400, 404 or 422 naming a field), its field put under `trips[i]`. */
function underTrip(error: unknown, index: number): unknown {
  if (!(error instanceof DomainError) || !error.errors) {
    return error;
  }
  const errors = error.errors.map((e) => ({ ...e, field: `trips[${index}].${e.field}` }));
  return new DomainError(error.code, `trips[${index}]: ${error.message}`, errors, error.details);
}
