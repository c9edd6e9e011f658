import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CreateUnitRequest, ListUnitsQuery, Page, UnitView, UpdateUnitRequest, UpdateRequest } from '@rasad/contracts';
import { District } from '../geography/district.entity';
import { page } from '../shared/pages';
import { assignDefined, findOrFail, findReference, rethrowUniqueViolation } from '../shared/records';
import { Unit, unitView } from './unit.entity';

@Injectable()
export class UnitsService {
  constructor(private readonly em: EntityManager) {}

  async create(body: CreateUnitRequest): Promise<UnitView> {
    await findReference(this.em, District, 'districtId', 'district', body.districtId);
    const unit = this.em.create(Unit, body);
    await this.flush();
    return unitView(unit);
  }

  async get(id: string): Promise<UnitView> {
    return unitView(await findOrFail(this.em, Unit, 'unit', id));
  }

  list(query: ListUnitsQuery): Promise<Page<UnitView>> {
    const qb = this.em.createQueryBuilder(Unit, 'u');
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

  async update({ id, changes }: UpdateRequest<UpdateUnitRequest>): Promise<UnitView> {
    const unit = await findOrFail(this.em, Unit, 'unit', id);
    if (changes.districtId) {
      await findReference(this.em, District, 'districtId', 'district', changes.districtId);
    }
    assignDefined(unit, changes);
    await this.flush();
    return unitView(unit);
  }

  private async flush(): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      rethrowUniqueViolation(error, { unit_code_unique: 'code' });
    }
  }
}
