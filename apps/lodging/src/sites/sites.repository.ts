import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, pageRows } from '@rasad/common';
import {
  BedView,
  CallerScope,
  ListSitesQuery,
  Page,
  RecordWelfareCheckMessage,
  RoomGender,
  RoomView,
  SiteView,
  WelfareCheckView,
} from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';

interface SiteRow {
  id: string;
  name: string;
  kind: SiteView['kind'];
  district_id: string;
  tehsil_id: string;
  address: string;
  latitude: number;
  longitude: number;
  water: boolean;
  toilets: boolean;
  bathing: boolean;
  power: boolean;
  suitable_for_women: boolean;
  beds: number;
  created_at: string;
  updated_at: string;
}

interface RoomRow {
  id: string;
  site_id: string;
  name: string;
  gender: RoomGender;
  beds: BedView[];
}

const SITE_ORDER: ListOrder = { keys: { name: 'name', kind: 'kind', createdAt: 'created_at' }, natural: 'name' };

const iso = (value: string) => new Date(value).toISOString();

function siteRowView(row: SiteRow): SiteView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    districtId: row.district_id,
    tehsilId: row.tehsil_id,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    facilities: { water: row.water, toilets: row.toilets, bathing: row.bathing, power: row.power },
    suitableForWomen: row.suitable_for_women,
    beds: row.beds,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Sites', rooms' and beds' SQL. */
@Injectable()
export class SitesRepository {
  /** A page of the sites in the caller's districts, by name, each with its number of beds. */
  list(em: EntityManager, query: ListSitesQuery, scope: CallerScope): Promise<Page<SiteView>> {
    return pageRows<SiteRow, SiteView>(
      em,
      {
        sql: `select s.*, (select count(*)::int from lodging.bed b join lodging.room r on r.id = b.room_id
                           where r.site_id = s.id) as beds
              from lodging.site s
              where (?::uuid[] is null or s.district_id = any(?::uuid[]))
                and (?::uuid is null or s.district_id = ?::uuid)
                and (?::uuid is null or s.tehsil_id = ?::uuid)
                and (?::text[] is null or s.kind = any(?::text[]))`,
        params: [
          uuidArray(scope.districtIds),
          uuidArray(scope.districtIds),
          query.districtId ?? null,
          query.districtId ?? null,
          query.tehsilId ?? null,
          query.tehsilId ?? null,
          query.kind ? `{${query.kind.join(',')}}` : null,
          query.kind ? `{${query.kind.join(',')}}` : null,
        ],
      },
      query,
      siteRowView,
      SITE_ORDER,
    );
  }

  /** The site's rooms by name, each with its beds by label. */
  async rooms(em: EntityManager, siteId: string): Promise<RoomView[]> {
    const rows = await em.execute<RoomRow[]>(
      `select r.id, r.site_id, r.name, r.gender,
         coalesce((select json_agg(json_build_object('id', b.id, 'label', b.label) order by b.label)
                   from lodging.bed b where b.room_id = r.id), '[]'::json) as beds
       from lodging.room r where r.site_id = ? order by r.name, r.id`,
      [siteId],
    );
    return rows.map(roomRowView);
  }

  async room(em: EntityManager, roomId: string): Promise<RoomView> {
    const [row] = await em.execute<RoomRow[]>(
      `select r.id, r.site_id, r.name, r.gender,
         coalesce((select json_agg(json_build_object('id', b.id, 'label', b.label) order by b.label)
                   from lodging.bed b where b.room_id = r.id), '[]'::json) as beds
       from lodging.room r where r.id = ?`,
      [roomId],
    );
    return roomRowView(row);
  }

  /** Records the day's check at the site; a second check that day replaces the first. */
  async recordWelfare(em: EntityManager, check: RecordWelfareCheckMessage): Promise<WelfareCheckView> {
    const [row] = await em.execute<
      {
        site_id: string;
        day: string;
        water: boolean;
        toilets: boolean;
        power: boolean;
        note: string | null;
        recorded_at: string;
      }[]
    >(
      `insert into lodging.welfare_check (site_id, day, water, toilets, power, note)
       values (?, ?::date, ?, ?, ?, ?)
       on conflict (site_id, day) do update set water = excluded.water, toilets = excluded.toilets,
         power = excluded.power, note = excluded.note, recorded_at = now()
       returning site_id, day::text, water, toilets, power, note, recorded_at`,
      [check.siteId, check.date, check.water, check.toilets, check.power, check.note ?? null],
    );
    return {
      siteId: row.site_id,
      date: row.day,
      water: row.water,
      toilets: row.toilets,
      power: row.power,
      note: row.note,
      failing: !(row.water && row.toilets && row.power),
      recordedAt: iso(row.recorded_at),
    };
  }

  async bedCount(em: EntityManager, siteId: string): Promise<number> {
    const [row] = await em.execute<{ beds: number }[]>(
      `select count(*)::int as beds from lodging.bed b join lodging.room r on r.id = b.room_id where r.site_id = ?`,
      [siteId],
    );
    return row.beds;
  }
}

function roomRowView(row: RoomRow): RoomView {
  return { id: row.id, siteId: row.site_id, name: row.name, gender: row.gender, beds: row.beds };
}
