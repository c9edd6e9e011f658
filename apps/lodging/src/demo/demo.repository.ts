import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

export interface DemoRows {
  sites: object[];
  rooms: object[];
  beds: object[];
}

/** The demo's SQL: its sites, rooms and beds as three JSON recordsets, skipped when the district has sites. */
@Injectable()
export class DemoRepository {
  async hasSites(em: EntityManager, districtId: string): Promise<boolean> {
    const rows = await em.execute('select 1 from lodging.site where district_id = ? limit 1', [districtId]);
    return rows.length > 0;
  }

  async insert(em: EntityManager, rows: DemoRows): Promise<void> {
    await em.execute(
      `insert into lodging.site (id, name, kind, district_id, tehsil_id, address, latitude, longitude, water, toilets,
         bathing, power, suitable_for_women)
       select r.id, r.name, r.kind, r."districtId", r."tehsilId", r.address, r.latitude, r.longitude, true, true,
         r.bathing, true, r."suitableForWomen"
       from jsonb_to_recordset(?::jsonb) as r(id uuid, name text, kind text, "districtId" uuid, "tehsilId" uuid,
         address text, latitude double precision, longitude double precision, bathing boolean,
         "suitableForWomen" boolean)
       on conflict (id) do nothing`,
      [JSON.stringify(rows.sites)],
    );
    await em.execute(
      `insert into lodging.room (id, site_id, name, gender)
       select r.id, r."siteId", r.name, r.gender
       from jsonb_to_recordset(?::jsonb) as r(id uuid, "siteId" uuid, name text, gender text)
       on conflict (id) do nothing`,
      [JSON.stringify(rows.rooms)],
    );
    await em.execute(
      `insert into lodging.bed (id, room_id, label)
       select r.id, r."roomId", r.label from jsonb_to_recordset(?::jsonb) as r(id uuid, "roomId" uuid, label text)
       on conflict (id) do nothing`,
      [JSON.stringify(rows.beds)],
    );
  }
}
