import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { page } from '@rasad/common';
import { CallerScope, ListUnitsQuery, Page, UnitView } from '@rasad/contracts';
import { restrict } from '@rasad/messaging';
import { Unit, unitView } from './unit.entity';

/** The units' list, narrowed to the caller's districts. */
@Injectable()
export class UnitsRepository {
  list(em: EntityManager, query: ListUnitsQuery, scope: CallerScope): Promise<Page<UnitView>> {
    const qb = em.createQueryBuilder(Unit, 'u');
    restrict(qb, scope, 'u.district_id = any({districts})');
    if (query.ids) {
      qb.andWhere({ id: { $in: query.ids } });
    }
    if (query.districtId) {
      qb.andWhere({ districtId: query.districtId });
    }
    if (query.force) {
      qb.andWhere({ force: query.force });
    }
    if (query.search) {
      qb.andWhere('(u.code ilike ? or u.name ilike ?)', [`%${query.search}%`, `%${query.search}%`]);
    }
    return page(qb, query, unitView);
  }
}
