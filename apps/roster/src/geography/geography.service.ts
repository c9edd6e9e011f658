import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CreateDistrictRequest,
  CreatePoliceStationRequest,
  CreateTehsilRequest,
  DistrictView,
  ListDistrictsQuery,
  ListPoliceStationsQuery,
  ListTehsilsQuery,
  Page,
  PoliceStationView,
  TehsilView,
  UpdateDistrictRequest,
  CallerScope,
  UpdatePoliceStationRequest,
  UpdateRequest,
  UpdateTehsilRequest,
  RosterEvents,
} from '@rasad/contracts';
import { Outbox } from '@rasad/messaging';
import { assignDefined, findInScope, findReferenceInScope, rethrowUniqueViolation } from '../shared/records';
import { District, districtEvent, districtView } from './district.entity';
import { PoliceStation, policeStationView } from './police-station.entity';
import { GeographyRepository } from './geography.repository';
import { Tehsil, tehsilView } from './tehsil.entity';

const UNIQUE_CODE = { district_code_unique: 'code', tehsil_code_unique: 'code', police_station_code_unique: 'code' };

@Injectable()
export class GeographyService {
  constructor(
    private readonly em: EntityManager,
    private readonly geography: GeographyRepository,
    private readonly outbox: Outbox,
  ) {}

  async createDistrict(body: CreateDistrictRequest): Promise<DistrictView> {
    const district = this.em.create(District, { ...body, province: body.province ?? null });
    this.outbox.record(this.em, RosterEvents.districtCreated, district.id, districtEvent(district));
    await this.flush();
    return districtView(district);
  }

  async getDistrict(id: string, scope: CallerScope): Promise<DistrictView> {
    return districtView(await findInScope(this.em, District, 'district', id, scope, (d) => d.id));
  }

  listDistricts(query: ListDistrictsQuery, scope: CallerScope): Promise<Page<DistrictView>> {
    return this.geography.listDistricts(this.em, query, scope);
  }

  async updateDistrict(
    { id, changes }: UpdateRequest<UpdateDistrictRequest>,
    scope: CallerScope,
  ): Promise<DistrictView> {
    const found = await findInScope(this.em, District, 'district', id, scope, (d) => d.id);
    const before = JSON.stringify(districtEvent(found));
    const district = assignDefined(found, changes);
    if (JSON.stringify(districtEvent(district)) !== before) {
      this.outbox.record(this.em, RosterEvents.districtUpdated, district.id, districtEvent(district));
    }
    await this.flush();
    return districtView(district);
  }

  async createTehsil(body: CreateTehsilRequest, scope: CallerScope): Promise<TehsilView> {
    await findReferenceInScope(this.em, District, 'districtId', 'district', body.districtId, scope, (d) => d.id);
    const tehsil = this.em.create(Tehsil, body);
    await this.flush();
    return tehsilView(tehsil);
  }

  async getTehsil(id: string, scope: CallerScope): Promise<TehsilView> {
    return tehsilView(await findInScope(this.em, Tehsil, 'tehsil', id, scope));
  }

  listTehsils(query: ListTehsilsQuery, scope: CallerScope): Promise<Page<TehsilView>> {
    return this.geography.listTehsils(this.em, query, scope);
  }

  async updateTehsil({ id, changes }: UpdateRequest<UpdateTehsilRequest>, scope: CallerScope): Promise<TehsilView> {
    const tehsil = assignDefined(await findInScope(this.em, Tehsil, 'tehsil', id, scope), changes);
    await this.flush();
    return tehsilView(tehsil);
  }

  async createPoliceStation(body: CreatePoliceStationRequest, scope: CallerScope): Promise<PoliceStationView> {
    const tehsil = await findReferenceInScope(this.em, Tehsil, 'tehsilId', 'tehsil', body.tehsilId, scope);
    const station = this.em.create(PoliceStation, { ...body, districtId: tehsil.districtId });
    await this.flush();
    return policeStationView(station);
  }

  async getPoliceStation(id: string, scope: CallerScope): Promise<PoliceStationView> {
    return policeStationView(await findInScope(this.em, PoliceStation, 'police station', id, scope));
  }

  listPoliceStations(query: ListPoliceStationsQuery, scope: CallerScope): Promise<Page<PoliceStationView>> {
    return this.geography.listPoliceStations(this.em, query, scope);
  }

  async updatePoliceStation(
    { id, changes }: UpdateRequest<UpdatePoliceStationRequest>,
    scope: CallerScope,
  ): Promise<PoliceStationView> {
    const station = await findInScope(this.em, PoliceStation, 'police station', id, scope);
    if (changes.tehsilId && changes.tehsilId !== station.tehsilId) {
      const tehsil = await findReferenceInScope(this.em, Tehsil, 'tehsilId', 'tehsil', changes.tehsilId, scope);
      station.districtId = tehsil.districtId;
    }
    assignDefined(station, changes);
    await this.flush();
    return policeStationView(station);
  }

  private async flush(): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      rethrowUniqueViolation(error, UNIQUE_CODE);
    }
  }
}
