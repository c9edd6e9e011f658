import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CreatePersonnelRequest,
  EventSubjects,
  ListPersonnelQuery,
  Page,
  PersonnelView,
  UpdatePersonnelRequest,
  UpdateRequest,
} from '@rasad/contracts';
import { normalizePakistanMobile } from '@rasad/personnel';
import { Outbox } from '@rasad/messaging';
import { District } from '../geography/district.entity';
import { page } from '../shared/pages';
import { assignDefined, findOrFail, findReference, rethrowUniqueViolation } from '../shared/records';
import { Unit } from '../units/unit.entity';
import { Personnel, personnelEvent, personnelView } from './personnel.entity';

const UNIQUE = { personnel_service_number_unique: 'serviceNumber', personnel_cnic_unique: 'cnic' };

@Injectable()
export class PersonnelService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
  ) {}

  async create(body: CreatePersonnelRequest): Promise<PersonnelView> {
    await this.checkReferences(body);
    const person = this.em.create(Personnel, {
      ...body,
      phone: normalizePakistanMobile(body.phone) ?? body.phone,
      dietaryNeeds: body.dietaryNeeds ?? [],
      language: body.language ?? 'en',
    });
    this.outbox.record(this.em, EventSubjects.personnelRegistered, person.id, personnelEvent(person));
    await this.flush();
    return personnelView(person);
  }

  async get(id: string): Promise<PersonnelView> {
    return personnelView(await findOrFail(this.em, Personnel, 'personnel', id));
  }

  list(query: ListPersonnelQuery): Promise<Page<PersonnelView>> {
    const qb = this.em.createQueryBuilder(Personnel, 'p');
    if (query.districtId) {
      // Serving in the district: their unit is there, they come from there, or they are posted there.
      qb.andWhere(
        `(p.home_district_id = ? or exists (select 1 from roster.unit u where u.id = p.unit_id and u.district_id = ?)
          or exists (select 1 from roster.duty_assignment a join roster.post s on s.id = a.post_id
                     where a.personnel_id = p.id and a.status <> 'cancelled' and s.district_id = ?))`,
        [query.districtId, query.districtId, query.districtId],
      );
    }
    if (query.unitId) {
      qb.andWhere({ unitId: query.unitId });
    }
    if (query.rank) {
      qb.andWhere({ rank: query.rank });
    }
    if (query.search) {
      const term = query.search.trim();
      const prefix = `${term.replace(/[%_\\]/g, '\\$&')}%`;
      qb.andWhere('(p.service_number ilike ? or p.cnic like ? or p.name ilike ?)', [
        prefix,
        prefix,
        `%${term.replace(/[%_\\]/g, '\\$&')}%`,
      ]);
    }
    return page(qb, query, personnelView);
  }

  async update({ id, changes }: UpdateRequest<UpdatePersonnelRequest>): Promise<PersonnelView> {
    const person = await findOrFail(this.em, Personnel, 'personnel', id);
    await this.checkReferences(changes);
    const before = JSON.stringify(personnelEvent(person));
    assignDefined(person, {
      ...changes,
      phone: changes.phone ? (normalizePakistanMobile(changes.phone) ?? changes.phone) : undefined,
    });
    if (JSON.stringify(personnelEvent(person)) !== before) {
      this.outbox.record(this.em, EventSubjects.personnelUpdated, person.id, personnelEvent(person));
    }
    await this.flush();
    return personnelView(person);
  }

  private async checkReferences(body: Partial<CreatePersonnelRequest>): Promise<void> {
    if (body.unitId) {
      await findReference(this.em, Unit, 'unitId', 'unit', body.unitId);
    }
    if (body.homeDistrictId) {
      await findReference(this.em, District, 'homeDistrictId', 'district', body.homeDistrictId);
    }
  }

  private async flush(): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      rethrowUniqueViolation(error, UNIQUE);
    }
  }
}
