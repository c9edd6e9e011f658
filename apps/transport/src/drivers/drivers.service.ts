import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  CreateDriverRequest,
  DomainError,
  DriverView,
  ListDriversQuery,
  Page,
  UpdateDriverRequest,
  UpdateRequest,
} from '@rasad/contracts';
import { ensureReferenceInScope } from '@rasad/messaging';
import { RosterFactsRepository } from '../roster/roster-facts.repository';
import { assignDefined, findInScope, invalid, rethrowUniqueViolation } from '../shared/records';
import { Driver } from './driver.entity';
import { DriversRepository } from './drivers.repository';

const UNIQUE_FIELDS = { driver_personnel_unique: 'personnelId' };

/** `2028-02-30` matches the pattern but names no day. */
function checkedDate(field: string, value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw invalid(field, `${field} must be a date that exists, e.g. 2028-06-30`);
  }
  return value;
}

@Injectable()
export class DriversService {
  constructor(
    private readonly em: EntityManager,
    private readonly drivers: DriversRepository,
    private readonly roster: RosterFactsRepository,
  ) {}

  async create(body: CreateDriverRequest, scope: CallerScope): Promise<DriverView> {
    ensureReferenceInScope(scope, body.districtId, 'districtId', 'district', body.districtId);
    checkedDate('licenceExpiresOn', body.licenceExpiresOn);
    if (!(await this.roster.person(this.em, body.personnelId))) {
      throw DomainError.referenceNotFound('personnelId', 'personnel', body.personnelId);
    }
    const driver = this.em.create(Driver, body);
    await this.em.flush().catch((error: unknown) => rethrowUniqueViolation(error, UNIQUE_FIELDS));
    return this.drivers.view(this.em, driver.id);
  }

  async get(id: string, scope: CallerScope): Promise<DriverView> {
    await findInScope(this.em, Driver, 'driver', id, scope);
    return this.drivers.view(this.em, id);
  }

  list(query: ListDriversQuery, scope: CallerScope): Promise<Page<DriverView>> {
    return this.drivers.list(this.em, query, scope);
  }

  /** A renewed licence or a new class; trips already planned keep their driver (the officer reads the list). */
  async update({ id, changes }: UpdateRequest<UpdateDriverRequest>, scope: CallerScope): Promise<DriverView> {
    if (changes.licenceExpiresOn !== undefined) {
      checkedDate('licenceExpiresOn', changes.licenceExpiresOn);
    }
    const driver = await findInScope(this.em, Driver, 'driver', id, scope);
    assignDefined(driver, changes);
    await this.em.flush();
    return this.drivers.view(this.em, id);
  }
}
