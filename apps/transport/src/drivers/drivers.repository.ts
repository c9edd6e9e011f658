import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, pageRows } from '@rasad/common';
import { CallerScope, DriverView, LicenceClass, ListDriversQuery, Page } from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';
import { ROSTER_TABLES } from '../roster/roster-facts.repository';

interface DriverRow {
  id: string;
  personnel_id: string;
  name: string | null;
  service_number: string | null;
  district_id: string;
  licence_number: string;
  licence_class: LicenceClass;
  licence_expires_on: string;
  created_at: string;
  updated_at: string;
}

const DRIVER_ORDER: ListOrder = {
  keys: { name: 'name', licenceExpiresOn: 'licence_expires_on' },
  natural: 'name',
};

const DRIVERS_SQL = `select d.id, d.personnel_id, p.name, p.service_number, d.district_id, d.licence_number,
    d.licence_class, d.licence_expires_on::text as licence_expires_on, d.created_at, d.updated_at
  from transport.driver d left join ${ROSTER_TABLES.personnel} p on p.id = d.personnel_id`;

const iso = (value: string) => new Date(value).toISOString();

function driverView(row: DriverRow): DriverView {
  return {
    id: row.id,
    personnelId: row.personnel_id,
    name: row.name,
    serviceNumber: row.service_number,
    districtId: row.district_id,
    licenceNumber: row.licence_number,
    licenceClass: row.licence_class,
    licenceExpiresOn: row.licence_expires_on,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The drivers' SQL, each with their name and service number from the roster's facts. */
@Injectable()
export class DriversRepository {
  list(em: EntityManager, query: ListDriversQuery, scope: CallerScope): Promise<Page<DriverView>> {
    return pageRows<DriverRow, DriverView>(
      em,
      {
        sql: `${DRIVERS_SQL}
          where (?::uuid[] is null or d.district_id = any(?::uuid[]))
            and (?::uuid is null or d.district_id = ?::uuid)
            and (?::text[] is null or d.licence_class = any(?::text[]))`,
        params: [
          uuidArray(scope.districtIds),
          uuidArray(scope.districtIds),
          query.districtId ?? null,
          query.districtId ?? null,
          query.licenceClass ? `{${query.licenceClass.join(',')}}` : null,
          query.licenceClass ? `{${query.licenceClass.join(',')}}` : null,
        ],
      },
      query,
      driverView,
      DRIVER_ORDER,
    );
  }

  async view(em: EntityManager, id: string): Promise<DriverView> {
    const [row] = await em.execute<DriverRow[]>(`${DRIVERS_SQL} where d.id = ?`, [id]);
    return driverView(row);
  }
}
