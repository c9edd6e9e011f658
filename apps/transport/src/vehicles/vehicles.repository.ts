import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, page } from '@rasad/common';
import { CallerScope, ListVehiclesQuery, Page, VehicleView } from '@rasad/contracts';
import { restrict } from '@rasad/messaging';
import { Vehicle, vehicleView } from './vehicle.entity';

const VEHICLE_ORDER: ListOrder = {
  keys: { registration: 'v.registration', seats: 'v.seats', type: 'v.type' },
  natural: 'registration',
};

/** The vehicles' SQL. */
@Injectable()
export class VehiclesRepository {
  list(em: EntityManager, query: ListVehiclesQuery, scope: CallerScope): Promise<Page<VehicleView>> {
    const qb = em.createQueryBuilder(Vehicle, 'v');
    restrict(qb, scope, 'v.district_id = any({districts})');
    if (query.districtId) {
      qb.andWhere({ districtId: query.districtId });
    }
    if (query.type) {
      qb.andWhere({ type: { $in: query.type } });
    }
    if (query.status) {
      qb.andWhere({ status: { $in: query.status } });
    }
    return page(qb, query, vehicleView, VEHICLE_ORDER);
  }

  /** The vehicle's trips not yet over take its new seat count; the seat check refuses it below a booked manifest. */
  async resizeLiveTrips(em: EntityManager, vehicleId: string, seats: number): Promise<void> {
    await em.execute(
      `update transport.trip set seats = ?, updated_at = now()
       where vehicle_id = ? and status in ('planned', 'dispatched', 'en_route') and seats <> ?`,
      [seats, vehicleId, seats],
    );
  }
}
