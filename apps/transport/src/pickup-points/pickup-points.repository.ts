import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, page } from '@rasad/common';
import { CallerScope, ListPickupPointsQuery, Page, PickupPointView } from '@rasad/contracts';
import { restrict } from '@rasad/messaging';
import { PickupPoint, pickupPointView } from './pickup-point.entity';

const PICKUP_POINT_ORDER: ListOrder = { keys: { name: 'p.name', kind: 'p.kind' }, natural: 'name' };

/** The pickup points' SQL. */
@Injectable()
export class PickupPointsRepository {
  list(em: EntityManager, query: ListPickupPointsQuery, scope: CallerScope): Promise<Page<PickupPointView>> {
    const qb = em.createQueryBuilder(PickupPoint, 'p');
    restrict(qb, scope, 'p.district_id = any({districts})');
    if (query.districtId) {
      qb.andWhere({ districtId: query.districtId });
    }
    if (query.kind) {
      qb.andWhere({ kind: { $in: query.kind } });
    }
    return page(qb, query, pickupPointView, PICKUP_POINT_ORDER);
  }
}
