import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, pageRows } from '@rasad/common';
import { CallerScope, ListNightsQuery, LodgingNightView, NightState, Page } from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';
import { NightNeed } from '../shared/night-needs';

interface NightRow {
  id: string;
  personnel_id: string;
  service_number: string | null;
  name: string | null;
  night: string;
  state: NightState;
  post_id: string | null;
  allocation_id: string | null;
  site_id: string | null;
  site_failing: boolean;
}

// Night, then name: one text column, so that the keyset walks both.
const NIGHT_ORDER: ListOrder = { keys: { night: 'night_and_name', name: 'name' }, natural: 'night' };

/**
 * The nights list's SQL: the needs (computed from the duties by the domain rules, passed as one JSON parameter) full
 * joined with the nights held at sites in the caller's districts.
 */
@Injectable()
export class NightsRepository {
  /** The people with a live duty posted in these districts (null: any) or a night held at their sites, in the range. */
  async peopleAround(
    em: EntityManager,
    districtIds: string[] | null,
    nights: { first: string; last: string },
  ): Promise<string[]> {
    const rows = await em.execute<{ personnel_id: string }[]>(
      `select n.personnel_id from lodging.bed_night n join lodging.allocation a on a.id = n.allocation_id
       where n.status = 'held' and n.night between ?::date and ?::date
         and (?::uuid[] is null or a.district_id = any(?::uuid[]))`,
      [nights.first, nights.last, uuidArray(districtIds), uuidArray(districtIds)],
    );
    return rows.map((row) => row.personnel_id);
  }

  list(
    em: EntityManager,
    query: ListNightsQuery,
    scope: CallerScope,
    nights: { first: string; last: string },
    needs: (NightNeed & { inScope: boolean })[],
  ): Promise<Page<LodgingNightView>> {
    const districts = uuidArray(scope.districtIds);
    const states = query.state ? `{${query.state.join(',')}}` : null;
    return pageRows<NightRow, LodgingNightView>(
      em,
      {
        sql: `select * from (
                select md5(coalesce(n.personnel_id, h.personnel_id)::text || coalesce(n.night, h.night)::text)::uuid as id,
                  coalesce(n.personnel_id, h.personnel_id) as personnel_id, pe.service_number, pe.name,
                  coalesce(n.night, h.night)::text as night,
                  coalesce(n.night, h.night)::text || '|' || coalesce(pe.name, '') as night_and_name,
                  case when n.personnel_id is null then 'surplus' when h.personnel_id is null then 'unhoused'
                    else 'housed' end as state,
                  n.post_id, h.allocation_id, h.site_id, coalesce(n.district_id, h.district_id) as district_id,
                  exists (select 1 from lodging.welfare_check w where w.site_id = h.site_id and w.day = h.night
                    and not (w.water and w.toilets and w.power)) as site_failing
                from (select r."personnelId" as personnel_id, r.night, r."postId" as post_id,
                        r."districtId" as district_id, r."needsLodging" as needs_lodging, r."inScope" as in_scope
                      from jsonb_to_recordset(?::jsonb) as r("personnelId" uuid, night date, "postId" uuid,
                        "districtId" uuid, "needsLodging" boolean, "inScope" boolean)) as n
                full join (
                  select b.personnel_id, b.night, b.allocation_id, r.site_id, a.district_id
                  from lodging.bed_night b join lodging.allocation a on a.id = b.allocation_id
                  join lodging.bed bd on bd.id = b.bed_id join lodging.room r on r.id = bd.room_id
                  where b.status = 'held' and b.night between ?::date and ?::date
                    and (?::uuid[] is null or a.district_id = any(?::uuid[]))
                    and (?::uuid is null or a.district_id = ?::uuid)
                ) h on h.personnel_id = n.personnel_id and h.night = n.night
                left join lodging.personnel pe on pe.id = coalesce(n.personnel_id, h.personnel_id)
                where h.personnel_id is not null or (n.in_scope and n.needs_lodging)
              ) nights
              where (?::uuid is null or personnel_id = ?::uuid) and (?::text[] is null or state = any(?::text[]))`,
        params: [
          JSON.stringify(needs),
          nights.first,
          nights.last,
          districts,
          districts,
          query.districtId ?? null,
          query.districtId ?? null,
          query.personnelId ?? null,
          query.personnelId ?? null,
          states,
          states,
        ],
      },
      query,
      (row) => ({
        id: row.id,
        personnelId: row.personnel_id,
        serviceNumber: row.service_number ?? '',
        name: row.name ?? '',
        night: row.night,
        state: row.state,
        postId: row.post_id,
        allocationId: row.allocation_id,
        siteId: row.site_id,
        siteFailing: row.site_failing,
      }),
      NIGHT_ORDER,
    );
  }
}
