import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { LegKind, RunSheetPassengerView } from '@rasad/contracts';
import { ROSTER_TABLES } from '../roster/roster-facts.repository';

interface SheetHeadRow {
  registration: string;
  type: string;
  seats: number;
  driver_name: string | null;
  driver_service_number: string | null;
  licence_number: string;
  pickup_name: string;
  pickup_address: string | null;
}

/** The run sheet's SQL: the trip's vehicle, driver and pickup point, and its booked passengers by stop. */
@Injectable()
export class RunSheetsRepository {
  async head(em: EntityManager, tripId: string): Promise<SheetHeadRow> {
    const [row] = await em.execute<SheetHeadRow[]>(
      `select v.registration, v.type, v.seats, p.name as driver_name, p.service_number as driver_service_number,
         d.licence_number, pp.name as pickup_name, pp.address as pickup_address
       from transport.trip t
       join transport.vehicle v on v.id = t.vehicle_id
       join transport.driver d on d.id = t.driver_id
       left join ${ROSTER_TABLES.personnel} p on p.id = d.personnel_id
       join transport.pickup_point pp on pp.id = t.pickup_point_id
       where t.id = ?`,
      [tripId],
    );
    return row;
  }

  async passengersByPost(em: EntityManager, tripId: string): Promise<Map<string, RunSheetPassengerView[]>> {
    const rows = await em.execute<
      {
        post_id: string;
        personnel_id: string;
        name: string | null;
        service_number: string | null;
        rank: string | null;
        leg: LegKind;
      }[]
    >(
      `select e.post_id, e.personnel_id, p.name, p.service_number, p.rank, e.leg
       from transport.manifest_entry e left join ${ROSTER_TABLES.personnel} p on p.id = e.personnel_id
       where e.trip_id = ? and e.status = 'booked' order by p.name, e.id`,
      [tripId],
    );
    const byPost = new Map<string, RunSheetPassengerView[]>();
    for (const row of rows) {
      byPost.set(row.post_id, [
        ...(byPost.get(row.post_id) ?? []),
        {
          personnelId: row.personnel_id,
          name: row.name,
          serviceNumber: row.service_number,
          rank: row.rank,
          leg: row.leg,
        },
      ]);
    }
    return byPost;
  }
}
