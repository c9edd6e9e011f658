import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { LegKind, LicenceClass } from '@rasad/contracts';
import { COVERING_SQL } from '../legs/legs.repository';
import { LocalDay } from '../legs/local-day';
import { ROSTER_TABLES } from '../roster/roster-facts.repository';
import { Interval, PlanDriver, PlanLeg, PlanPickupPoint, PlanVehicle } from './planner';

const DAY_MS = 24 * 3600_000;

/** What the planner reads: the district's uncovered legs of the day, its fleet, and who is busy when. */
@Injectable()
export class PlansRepository {
  async uncoveredLegs(em: EntityManager, districtId: string, day: LocalDay, direction?: LegKind): Promise<PlanLeg[]> {
    const rows = await em.execute<
      {
        id: string;
        personnel_id: string;
        duty_id: string;
        post_id: string;
        kind: LegKind;
        at: string;
        latitude: number | null;
        longitude: number | null;
      }[]
    >(
      `select l.id, l.personnel_id, l.duty_ids[1] as duty_id, l.post_id, l.kind, l.at, po.latitude, po.longitude
       from transport.leg l
       join ${ROSTER_TABLES.post} po on po.id = l.post_id
       left join ${ROSTER_TABLES.personnel} p on p.id = l.personnel_id
       where po.district_id = ? and l.status = 'needed' and l.at >= ? and l.at < ?
         and (?::text is null or l.kind = ?::text)
         and coalesce(p.travel_mode, 'provided') = 'provided'
         and not exists (${COVERING_SQL})
       order by l.at, l.id`,
      [districtId, day.from.toISOString(), day.to.toISOString(), direction ?? null, direction ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      personnelId: row.personnel_id,
      dutyId: row.duty_id,
      postId: row.post_id,
      kind: row.kind,
      at: new Date(row.at),
      post:
        row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude },
    }));
  }

  vehicles(em: EntityManager, districtId: string): Promise<PlanVehicle[]> {
    return em.execute<PlanVehicle[]>(
      `select id, registration, type, seats from transport.vehicle where district_id = ? and status = 'available'
       order by registration`,
      [districtId],
    );
  }

  async drivers(em: EntityManager, districtId: string): Promise<PlanDriver[]> {
    const rows = await em.execute<{ id: string; licence_class: LicenceClass; licence_expires_on: string }[]>(
      `select id, licence_class, licence_expires_on::text as licence_expires_on from transport.driver
       where district_id = ? order by id`,
      [districtId],
    );
    return rows.map((row) => ({
      id: row.id,
      licenceClass: row.licence_class,
      licenceExpiresOn: row.licence_expires_on,
    }));
  }

  pickupPoints(em: EntityManager, districtId: string): Promise<PlanPickupPoint[]> {
    return em.execute<PlanPickupPoint[]>(
      'select id, latitude, longitude from transport.pickup_point where district_id = ? order by id',
      [districtId],
    );
  }

  /**
   * The windows of live trips around the day (a day either side: trips run past midnight), by vehicle, driver and
   * booked passenger.
   */
  async busy(em: EntityManager, districtId: string, day: LocalDay): Promise<Map<string, Interval[]>> {
    const rows = await em.execute<{ owner: string; starts_at: string; ends_at: string }[]>(
      `with live as (
         select t.id, t.vehicle_id, t.driver_id, t.starts_at, t.ends_at from transport.trip t
         where t.status <> 'cancelled' and t.starts_at < ? and t.ends_at > ?)
       select vehicle_id as owner, starts_at, ends_at from live
       union all select driver_id, starts_at, ends_at from live
       union all
       select e.personnel_id, e.starts_at, e.ends_at from transport.manifest_entry e
       where e.status = 'booked' and e.starts_at < ? and e.ends_at > ?
         and e.personnel_id in (
           select l.personnel_id from transport.leg l join ${ROSTER_TABLES.post} po on po.id = l.post_id
           where po.district_id = ?)`,
      [
        new Date(day.to.getTime() + DAY_MS).toISOString(),
        new Date(day.from.getTime() - DAY_MS).toISOString(),
        new Date(day.to.getTime() + DAY_MS).toISOString(),
        new Date(day.from.getTime() - DAY_MS).toISOString(),
        districtId,
      ],
    );
    const busy = new Map<string, Interval[]>();
    for (const row of rows) {
      const interval = { startsAt: new Date(row.starts_at), endsAt: new Date(row.ends_at) };
      busy.set(row.owner, [...(busy.get(row.owner) ?? []), interval]);
    }
    return busy;
  }
}
