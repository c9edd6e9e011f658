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
  UpdatePoliceStationRequest,
  UpdateRequest,
  UpdateTehsilRequest,
} from '@rasad/contracts';
import { page } from '../shared/pages';
import { assignDefined, findOrFail, findReference, rethrowUniqueViolation } from '../shared/records';
import { District, districtView } from './district.entity';
import { PoliceStation, policeStationView } from './police-station.entity';
import { Tehsil, tehsilView } from './tehsil.entity';

const UNIQUE_CODE = { district_code_unique: 'code', tehsil_code_unique: 'code', police_station_code_unique: 'code' };

@Injectable()
export class GeographyService {
  constructor(private readonly em: EntityManager) {}

  async createDistrict(body: CreateDistrictRequest): Promise<DistrictView> {
    const district = this.em.create(District, { ...body, province: body.province ?? null });
    await this.flush();
    return districtView(district);
  }

  async getDistrict(id: string): Promise<DistrictView> {
    return districtView(await findOrFail(this.em, District, 'district', id));
  }

  listDistricts(query: ListDistrictsQuery): Promise<Page<DistrictView>> {
    const qb = this.em.createQueryBuilder(District, 'd');
    if (query.districtId) {
      qb.where({ id: query.districtId });
    }
    return page(qb, query, districtView);
  }

  async updateDistrict({ id, changes }: UpdateRequest<UpdateDistrictRequest>): Promise<DistrictView> {
    const district = assignDefined(await findOrFail(this.em, District, 'district', id), changes);
    await this.flush();
    return districtView(district);
  }

  async createTehsil(body: CreateTehsilRequest): Promise<TehsilView> {
    await findReference(this.em, District, 'districtId', 'district', body.districtId);
    const tehsil = this.em.create(Tehsil, body);
    await this.flush();
    return tehsilView(tehsil);
  }

  async getTehsil(id: string): Promise<TehsilView> {
    return tehsilView(await findOrFail(this.em, Tehsil, 'tehsil', id));
  }

  listTehsils(query: ListTehsilsQuery): Promise<Page<TehsilView>> {
    const qb = this.em.createQueryBuilder(Tehsil, 't');
    if (query.districtId) {
      qb.where({ districtId: query.districtId });
    }
    return page(qb, query, tehsilView);
  }

  async updateTehsil({ id, changes }: UpdateRequest<UpdateTehsilRequest>): Promise<TehsilView> {
    const tehsil = assignDefined(await findOrFail(this.em, Tehsil, 'tehsil', id), changes);
    await this.flush();
    return tehsilView(tehsil);
  }

  async createPoliceStation(body: CreatePoliceStationRequest): Promise<PoliceStationView> {
    const tehsil = await findReference(this.em, Tehsil, 'tehsilId', 'tehsil', body.tehsilId);
    const station = this.em.create(PoliceStation, { ...body, districtId: tehsil.districtId });
    await this.flush();
    return policeStationView(station);
  }

  async getPoliceStation(id: string): Promise<PoliceStationView> {
    return policeStationView(await findOrFail(this.em, PoliceStation, 'police station', id));
  }

  listPoliceStations(query: ListPoliceStationsQuery): Promise<Page<PoliceStationView>> {
    const qb = this.em.createQueryBuilder(PoliceStation, 's');
    if (query.districtId) {
      qb.andWhere({ districtId: query.districtId });
    }
    if (query.tehsilId) {
      qb.andWhere({ tehsilId: query.tehsilId });
    }
    return page(qb, query, policeStationView);
  }

  async updatePoliceStation({ id, changes }: UpdateRequest<UpdatePoliceStationRequest>): Promise<PoliceStationView> {
    const station = await findOrFail(this.em, PoliceStation, 'police station', id);
    if (changes.tehsilId && changes.tehsilId !== station.tehsilId) {
      const tehsil = await findReference(this.em, Tehsil, 'tehsilId', 'tehsil', changes.tehsilId);
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
