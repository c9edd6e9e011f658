import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  CreateVehicleRequest,
  DomainError,
  ErrorCode,
  ListVehiclesQuery,
  Page,
  UpdateRequest,
  UpdateVehicleRequest,
  VehicleView,
} from '@rasad/contracts';
import { ensureReferenceInScope } from '@rasad/messaging';
import { assignDefined, findInScope, rethrowUniqueViolation } from '../shared/records';
import { TripConstraint, violatedTripConstraint } from '../shared/trip-constraints';
import { Vehicle, vehicleView } from './vehicle.entity';
import { VehiclesRepository } from './vehicles.repository';

const UNIQUE_FIELDS = { vehicle_registration_unique: 'registration' };

/** Registrations are kept as plates read: upper case, single spaces. */
const plate = (registration: string) => registration.trim().replace(/\s+/g, ' ').toUpperCase();

@Injectable()
export class VehiclesService {
  constructor(
    private readonly em: EntityManager,
    private readonly vehicles: VehiclesRepository,
  ) {}

  async create(body: CreateVehicleRequest, scope: CallerScope): Promise<VehicleView> {
    ensureReferenceInScope(scope, body.districtId, 'districtId', 'district', body.districtId);
    const vehicle = this.em.create(Vehicle, {
      ...body,
      registration: plate(body.registration),
      status: body.status ?? 'available',
      notes: body.notes ?? null,
    });
    await this.em.flush().catch((error: unknown) => rethrowUniqueViolation(error, UNIQUE_FIELDS));
    return vehicleView(vehicle);
  }

  async get(id: string, scope: CallerScope): Promise<VehicleView> {
    return vehicleView(await findInScope(this.em, Vehicle, 'vehicle', id, scope));
  }

  list(query: ListVehiclesQuery, scope: CallerScope): Promise<Page<VehicleView>> {
    return this.vehicles.list(this.em, query, scope);
  }

  /** A change of seats reaches the trips not yet over in the same transaction, or none of it happens. */
  async update({ id, changes }: UpdateRequest<UpdateVehicleRequest>, scope: CallerScope): Promise<VehicleView> {
    return this.em.transactional(async (em) => {
      const vehicle = await findInScope(em, Vehicle, 'vehicle', id, scope, true);
      assignDefined(vehicle, {
        ...changes,
        registration: changes.registration === undefined ? undefined : plate(changes.registration),
      });
      try {
        await em.flush();
        await this.vehicles.resizeLiveTrips(em, vehicle.id, vehicle.seats);
      } catch (error) {
        if (violatedTripConstraint(error) === TripConstraint.seats) {
          const message = `seats ${vehicle.seats} is below the passengers already booked on a trip of vehicle ${id}`;
          throw new DomainError(ErrorCode.TripFull, message, [{ field: 'seats', message }], { vehicleId: id });
        }
        rethrowUniqueViolation(error, UNIQUE_FIELDS);
      }
      return vehicleView(vehicle);
    });
  }
}
