import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  CreateUnitRequest,
  ListUnitsQuery,
  Page,
  UnitView,
  UpdateUnitRequest,
  UpdateRequest,
} from '@rasad/contracts';
import { District } from '../geography/district.entity';
import { assignDefined, findInScope, findReferenceInScope, rethrowUniqueViolation } from '../shared/records';
import { Unit, unitView } from './unit.entity';
import { UnitsRepository } from './units.repository';

@Injectable()
export class UnitsService {
  constructor(
    private readonly em: EntityManager,
    private readonly units: UnitsRepository,
  ) {}

  async create(body: CreateUnitRequest, scope: CallerScope): Promise<UnitView> {
    await findReferenceInScope(this.em, District, 'districtId', 'district', body.districtId, scope, (d) => d.id);
    const unit = this.em.create(Unit, body);
    await this.flush();
    return unitView(unit);
  }

  async get(id: string, scope: CallerScope): Promise<UnitView> {
    return unitView(await findInScope(this.em, Unit, 'unit', id, scope));
  }

  list(query: ListUnitsQuery, scope: CallerScope): Promise<Page<UnitView>> {
    return this.units.list(this.em, query, scope);
  }

  async update({ id, changes }: UpdateRequest<UpdateUnitRequest>, scope: CallerScope): Promise<UnitView> {
    const unit = await findInScope(this.em, Unit, 'unit', id, scope);
    if (changes.districtId) {
      await findReferenceInScope(this.em, District, 'districtId', 'district', changes.districtId, scope, (d) => d.id);
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
