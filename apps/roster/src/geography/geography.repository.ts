import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { page } from '@rasad/common';
import {
  CallerScope,
  DistrictView,
  ListDistrictsQuery,
  ListPoliceStationsQuery,
  ListTehsilsQuery,
  Page,
  PoliceStationView,
  TehsilView,
} from '@rasad/contracts';
import { restrict } from '@rasad/messaging';
import { District, districtView } from './district.entity';
import { PoliceStation, policeStationView } from './police-station.entity';
import { Tehsil, tehsilView } from './tehsil.entity';

/** The lists of districts, tehsils and police stations, each narrowed to the caller's districts. */
@Injectable()
export class GeographyRepository {
  listDistricts(em: EntityManager, query: ListDistrictsQuery, scope: CallerScope): Promise<Page<DistrictView>> {
    const qb = em.createQueryBuilder(District, 'd');
    restrict(qb, scope, 'd.id = any({districts})');
    if (query.districtId) {
      qb.andWhere({ id: query.districtId });
    }
    return page(qb, query, districtView);
  }

  listTehsils(em: EntityManager, query: ListTehsilsQuery, scope: CallerScope): Promise<Page<TehsilView>> {
    const qb = em.createQueryBuilder(Tehsil, 't');
    restrict(qb, scope, 't.district_id = any({districts})');
    if (query.districtId) {
      qb.andWhere({ districtId: query.districtId });
    }
    return page(qb, query, tehsilView);
  }

  listPoliceStations(
    em: EntityManager,
    query: ListPoliceStationsQuery,
    scope: CallerScope,
  ): Promise<Page<PoliceStationView>> {
    const qb = em.createQueryBuilder(PoliceStation, 's');
    restrict(qb, scope, 's.district_id = any({districts})');
    if (query.districtId) {
      qb.andWhere({ districtId: query.districtId });
    }
    if (query.tehsilId) {
      qb.andWhere({ tehsilId: query.tehsilId });
    }
    return page(qb, query, policeStationView);
  }
}
