import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ROSTER_TABLES } from '../roster/roster-facts.repository';
import { DemoPickupPoint, DemoVehicle } from './haripur-fleet';

/** The demo fleet's SQL: idempotent inserts, so a restart or a second replica changes nothing. */
@Injectable()
export class DemoFleetRepository {
  /** The demo district, once transport's copy of the roster holds its polling stations (codes PS-HRP-…). */
  async haripurDistrictId(em: EntityManager): Promise<string | null> {
    const [row] = await em.execute<{ district_id: string }[]>(
      `select district_id from ${ROSTER_TABLES.post} where code like 'PS-HRP-%' limit 1`,
    );
    return row?.district_id ?? null;
  }

  async driverCount(em: EntityManager, districtId: string): Promise<number> {
    const [row] = await em.execute<{ n: number }[]>(
      'select count(*)::int as n from transport.driver where district_id = ?',
      [districtId],
    );
    return row.n;
  }

  /** The Motor Transport people transport's copy of the roster holds so far, free on poll day: the drivers to be. */
  async freeDriversKnown(em: EntityManager, driverServiceNumbers: string): Promise<number> {
    const [row] = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from ${ROSTER_TABLES.personnel} p
       where p.service_number like ? || '%'
         and not exists (
           select 1 from ${ROSTER_TABLES.duty} d
           where d.personnel_id = p.id and d.status <> 'cancelled' and d.phase = 'poll_day')`,
      [driverServiceNumbers],
    );
    return row.n;
  }

  async insert(
    em: EntityManager,
    districtId: string,
    vehicles: DemoVehicle[],
    pickupPoints: readonly DemoPickupPoint[],
    driverServiceNumbers: string,
    licences: string[],
    licenceExpiresOn: string,
  ): Promise<{ vehicles: number; drivers: number }> {
    const inserted = await em.execute<{ id: string }[]>(
      `insert into transport.vehicle (registration, type, seats, owner, district_id)
       select v.registration, v.type, v.seats, v.owner, ? from jsonb_to_recordset(?::jsonb)
         as v(registration text, type text, seats int, owner text)
       on conflict (registration) do nothing returning id`,
      [districtId, JSON.stringify(vehicles)],
    );
    await em.execute(
      `insert into transport.pickup_point (name, kind, district_id, latitude, longitude, address)
       select p.name, p.kind, ?, p.latitude, p.longitude, p.address from jsonb_to_recordset(?::jsonb)
         as p(name text, kind text, latitude double precision, longitude double precision, address text)
       where not exists (select 1 from transport.pickup_point q where q.district_id = ? and q.name = p.name)`,
      [districtId, JSON.stringify(pickupPoints), districtId],
    );
    // Drivers: the roster's Motor Transport section (by its service numbers), those without a poll-day duty of their
    // own, by service number.
    const drivers = await em.execute<{ id: string }[]>(
      `with free as (
         select p.id, row_number() over (order by p.service_number) as n from ${ROSTER_TABLES.personnel} p
         where p.service_number like ? || '%'
           and not exists (
             select 1 from ${ROSTER_TABLES.duty} d
             where d.personnel_id = p.id and d.status <> 'cancelled' and d.phase = 'poll_day')
           and not exists (select 1 from transport.driver r where r.personnel_id = p.id)
         order by p.service_number limit ?)
       insert into transport.driver (personnel_id, district_id, licence_number, licence_class, licence_expires_on)
       select f.id, ?, 'HRP-DL-' || lpad(f.n::text, 5, '0'), l.class, ?::date
       from free f join unnest(?::text[]) with ordinality as l(class, n) on l.n = f.n
       on conflict (personnel_id) do nothing returning id`,
      [driverServiceNumbers, licences.length, districtId, licenceExpiresOn, `{${licences.join(',')}}`],
    );
    return { vehicles: inserted.length, drivers: drivers.length };
  }
}
