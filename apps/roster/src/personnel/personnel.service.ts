import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CallerScope,
  CreatePersonnelRequest,
  DomainError,
  ListPersonnelQuery,
  Page,
  PersonnelView,
  RosterEvents,
  UpdatePersonnelRequest,
  UpdateRequest,
} from '@rasad/contracts';
import { normalizePakistanMobile } from '@rasad/personnel';
import { Outbox } from '@rasad/messaging';
import { District } from '../geography/district.entity';
import {
  assignDefined,
  findOrFail,
  findReference,
  findReferenceInScope,
  rethrowUniqueViolation,
} from '../shared/records';
import { Unit } from '../units/unit.entity';
import { Personnel, personnelEvent, personnelView } from './personnel.entity';
import { PersonnelRepository } from './personnel.repository';

const UNIQUE = { personnel_service_number_unique: 'serviceNumber', personnel_cnic_unique: 'cnic' };

@Injectable()
export class PersonnelService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly people: PersonnelRepository,
  ) {}

  async create(body: CreatePersonnelRequest, scope: CallerScope): Promise<PersonnelView> {
    await this.checkReferences(body, scope);
    const person = this.em.create(Personnel, {
      ...body,
      phone: normalizePakistanMobile(body.phone) ?? body.phone,
      dietaryNeeds: body.dietaryNeeds ?? [],
      language: body.language ?? 'en',
    });
    this.outbox.record(this.em, RosterEvents.personnelRegistered, person.id, personnelEvent(person));
    await this.flush();
    return personnelView(person);
  }

  async get(id: string, scope: CallerScope): Promise<PersonnelView> {
    return personnelView(await this.findInScope(id, scope));
  }

  list(query: ListPersonnelQuery, scope: CallerScope): Promise<Page<PersonnelView>> {
    return this.people.list(this.em, query, scope);
  }

  async update({ id, changes }: UpdateRequest<UpdatePersonnelRequest>, scope: CallerScope): Promise<PersonnelView> {
    const person = await this.findInScope(id, scope);
    await this.checkReferences(changes, scope);
    const before = JSON.stringify(personnelEvent(person));
    assignDefined(person, {
      ...changes,
      phone: changes.phone ? (normalizePakistanMobile(changes.phone) ?? changes.phone) : undefined,
    });
    if (JSON.stringify(personnelEvent(person)) !== before) {
      this.outbox.record(this.em, RosterEvents.personnelUpdated, person.id, personnelEvent(person));
    }
    await this.flush();
    return personnelView(person);
  }

  /** Someone the caller may see: serving in one of their districts (see servingIn). */
  async findInScope(id: string, scope: CallerScope): Promise<Personnel> {
    const person = await findOrFail(this.em, Personnel, 'personnel', id);
    if (!(await this.people.servesIn(this.em, id, scope))) {
      throw DomainError.notFound('personnel', id);
    }
    return person;
  }

  /** The unit must be one the caller runs; the home district may be any, it only says where they come from. */
  private async checkReferences(body: Partial<CreatePersonnelRequest>, scope: CallerScope): Promise<void> {
    if (body.unitId) {
      await findReferenceInScope(this.em, Unit, 'unitId', 'unit', body.unitId, scope);
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
