import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, pageRows } from '@rasad/common';
import { CallerScope, OccupancyQuery, OccupancyView, Page } from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';

interface OccupancyRow {
  id: string;
  site_id: string;
  site_name: string;
  night: string;
  beds: number;
  held: number;
  checked_in: number;
  welfare_failing: boolean;
}

// Night, then site name: one text column, so that the keyset walks both.
const OCCUPANCY_ORDER: ListOrder = { keys: { night: 'night_and_site', siteName: 'site_name' }, natural: 'night' };

/** Occupancy's SQL: every site in scope on every night of the range, with its beds held and checked in. */
@Injectable()
export class OccupancyRepository {
  list(
    em: EntityManager,
    query: OccupancyQuery,
    scope: CallerScope,
    nights: { first: string; last: string },
  ): Promise<Page<OccupancyView>> {
    return pageRows<OccupancyRow, OccupancyView>(
      em,
      {
        sql: `select md5(s.id::text || g.night::date::text)::uuid as id, s.id as site_id, s.name as site_name,
                g.night::date::text as night, g.night::date::text || '|' || s.name as night_and_site,
                capacity.beds, taken.held, taken.checked_in,
                exists (select 1 from lodging.welfare_check w where w.site_id = s.id and w.day = g.night::date
                  and not (w.water and w.toilets and w.power)) as welfare_failing
              from lodging.site s
              cross join generate_series(?::date, ?::date, interval '1 day') as g(night)
              cross join lateral (select count(*)::int as beds from lodging.bed b
                join lodging.room r on r.id = b.room_id where r.site_id = s.id) capacity
              cross join lateral (select count(*)::int as held,
                  (count(*) filter (where a.checked_in_at is not null and a.checked_out_at is null))::int as checked_in
                from lodging.bed_night n join lodging.allocation a on a.id = n.allocation_id
                join lodging.bed b on b.id = n.bed_id join lodging.room r on r.id = b.room_id
                where r.site_id = s.id and n.night = g.night::date and n.status = 'held') taken
              where (?::uuid[] is null or s.district_id = any(?::uuid[]))
                and (?::uuid is null or s.district_id = ?::uuid)
                and (?::uuid is null or s.id = ?::uuid)`,
        params: [
          nights.first,
          nights.last,
          uuidArray(scope.districtIds),
          uuidArray(scope.districtIds),
          query.districtId ?? null,
          query.districtId ?? null,
          query.siteId ?? null,
          query.siteId ?? null,
        ],
      },
      query,
      (row) => ({
        id: row.id,
        siteId: row.site_id,
        siteName: row.site_name,
        night: row.night,
        beds: row.beds,
        held: row.held,
        checkedIn: row.checked_in,
        free: row.beds - row.held,
        welfareFailing: row.welfare_failing,
      }),
      OCCUPANCY_ORDER,
    );
  }
}
