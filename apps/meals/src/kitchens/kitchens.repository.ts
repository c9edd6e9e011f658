import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { page } from '@rasad/common';
import { CallerScope, KitchenView, ListKitchensQuery, Page } from '@rasad/contracts';
import { restrict } from '@rasad/messaging';
import { Kitchen, kitchenView } from './kitchen.entity';

const KITCHEN_ORDER = { keys: { name: 'k.name', capacityPerSlot: 'k.capacity_per_slot' }, natural: 'name' };

@Injectable()
export class KitchensRepository {
  /** The caller's districts' kitchens, by name. */
  list(em: EntityManager, query: ListKitchensQuery, scope: CallerScope): Promise<Page<KitchenView>> {
    const qb = em.createQueryBuilder(Kitchen, 'k');
    restrict(qb, scope, 'k.district_id = any({districts})');
    if (query.districtId) {
      qb.andWhere({ districtId: query.districtId });
    }
    if (query.active !== undefined) {
      qb.andWhere({ active: query.active });
    }
    return page(qb, query, kitchenView, KITCHEN_ORDER);
  }

  /** The active kitchens of a district, each with whom it serves. */
  activeIn(em: EntityManager, districtId: string): Promise<Kitchen[]> {
    return em.find(Kitchen, { districtId, active: true }, { orderBy: { name: 'asc', id: 'asc' } });
  }
}
