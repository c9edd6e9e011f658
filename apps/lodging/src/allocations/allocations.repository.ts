import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { ListOrder, pageRows } from '@rasad/common';
import {
  AllocationEvent,
  AllocationSource,
  AllocationView,
  BedNightView,
  CallerScope,
  ListAllocationsQuery,
  ReleaseReason,
  RoomGender,
} from '@rasad/contracts';
import { uuidArray } from '@rasad/messaging';

/** A bed with where it is: what an allocation needs to check and to tell. */
export interface BedPlace {
  bedId: string;
  bedLabel: string;
  roomId: string;
  roomName: string;
  roomGender: RoomGender;
  siteId: string;
  siteName: string;
  address: string;
  districtId: string;
  suitableForWomen: boolean;
}

export interface NewAllocation {
  id: string;
  personnelId: string;
  bedId: string;
  districtId: string;
  nights: string[];
  source: AllocationSource;
}

/** A held night that a new one ran into. */
export interface HeldNight {
  allocationId: string;
  personnelId: string;
  bedId: string;
  districtId: string;
  night: string;
  siteName: string;
}

interface AllocationRow {
  id: string;
  personnel_id: string;
  district_id: string;
  first_night: string;
  last_night: string;
  source: AllocationSource;
  checked_in_at: string | null;
  checked_out_at: string | null;
  created_at: string;
  updated_at: string;
  site_id: string;
  site_name: string;
  address: string;
  room_id: string;
  room_name: string;
  bed_id: string;
  bed_label: string;
  nights: BedNightView[];
}

const iso = (value: string) => new Date(value).toISOString();
const isoOrNull = (value: string | null) => (value === null ? null : iso(value));

/** An allocation with its place and its nights (whether a night is `surplus` is the needs' to say). */
const ALLOCATION_SELECT = `
  select a.id, a.personnel_id, a.district_id, a.first_night::text, a.last_night::text, a.source, a.checked_in_at,
    a.checked_out_at, a.created_at, a.updated_at, s.id as site_id, s.name as site_name, s.address, r.id as room_id,
    r.name as room_name, b.id as bed_id, b.label as bed_label,
    (select json_agg(json_build_object('night', n.night::text, 'status', n.status, 'releaseReason', n.release_reason,
       'surplus', false) order by n.night)
     from lodging.bed_night n where n.allocation_id = a.id) as nights
  from lodging.allocation a
  join lodging.bed b on b.id = a.bed_id
  join lodging.room r on r.id = b.room_id
  join lodging.site s on s.id = r.site_id`;

const ALLOCATION_ORDER: ListOrder = {
  keys: { firstNight: 'first_night', createdAt: 'created_at' },
  natural: 'firstNight',
};

function allocationView(row: AllocationRow): AllocationView {
  return {
    id: row.id,
    personnelId: row.personnel_id,
    districtId: row.district_id,
    place: {
      siteId: row.site_id,
      siteName: row.site_name,
      address: row.address,
      roomId: row.room_id,
      roomName: row.room_name,
      bedId: row.bed_id,
      bedLabel: row.bed_label,
    },
    firstNight: row.first_night,
    lastNight: row.last_night,
    source: row.source,
    checkedInAt: isoOrNull(row.checked_in_at),
    checkedOutAt: isoOrNull(row.checked_out_at),
    nights: row.nights,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** What an event says about an allocation: its place (for the notice) and the nights it still holds. */
export function allocationEvent(view: AllocationView): AllocationEvent {
  return {
    id: view.id,
    personnelId: view.personnelId,
    districtId: view.districtId,
    siteId: view.place.siteId,
    siteName: view.place.siteName,
    address: view.place.address,
    roomName: view.place.roomName,
    bedLabel: view.place.bedLabel,
    nights: view.nights.filter((night) => night.status === 'held').map((night) => night.night),
  };
}

/** Allocations' SQL: beds' places, the nights held, their release. */
@Injectable()
export class AllocationsRepository {
  async bedPlace(em: EntityManager, bedId: string): Promise<BedPlace | null> {
    const [row] = await em.execute<BedPlace[]>(
      `select b.id as "bedId", b.label as "bedLabel", r.id as "roomId", r.name as "roomName",
         r.gender as "roomGender", s.id as "siteId", s.name as "siteName", s.address, s.district_id as "districtId",
         s.suitable_for_women as "suitableForWomen"
       from lodging.bed b join lodging.room r on r.id = b.room_id join lodging.site s on s.id = r.site_id
       where b.id = ?`,
      [bedId],
    );
    return row ?? null;
  }

  /**
   * Writes the allocations and a held row per night, in one statement each. A night already held for the bed or by
   * the person fails the statement on `bed_night_bed_once` or `bed_night_person_once`.
   */
  async insert(em: EntityManager, allocations: NewAllocation[]): Promise<void> {
    if (allocations.length === 0) {
      return;
    }
    const rows = JSON.stringify(
      allocations.map((a) => ({ ...a, firstNight: a.nights[0], lastNight: a.nights[a.nights.length - 1] })),
    );
    await em.execute(
      `insert into lodging.allocation (id, personnel_id, bed_id, district_id, first_night, last_night, source)
       select a.id, a."personnelId", a."bedId", a."districtId", a."firstNight", a."lastNight", a.source
       from jsonb_to_recordset(?::jsonb) as a(id uuid, "personnelId" uuid, "bedId" uuid, "districtId" uuid,
         "firstNight" date, "lastNight" date, source text)`,
      [rows],
    );
    await em.execute(
      `insert into lodging.bed_night (allocation_id, night, bed_id, personnel_id)
       select a.id, night::date, a."bedId", a."personnelId"
       from jsonb_to_recordset(?::jsonb) as a(id uuid, "personnelId" uuid, "bedId" uuid, nights text[]),
         unnest(a.nights) as night`,
      [rows],
    );
  }

  async find(em: EntityManager, id: string): Promise<AllocationView | null> {
    const [row] = await em.execute<AllocationRow[]>(`${ALLOCATION_SELECT} where a.id = ?`, [id]);
    return row ? allocationView(row) : null;
  }

  async findMany(em: EntityManager, ids: string[]): Promise<AllocationView[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await em.execute<AllocationRow[]>(`${ALLOCATION_SELECT} where a.id = any(?::uuid[]) order by a.id`, [
      uuidArray(ids),
    ]);
    return rows.map(allocationView);
  }

  /** Locks the allocation's row until the transaction ends: check-in, check-out and release take turns. */
  async lock(em: EntityManager, id: string): Promise<void> {
    await em.execute('select 1 from lodging.allocation where id = ? for update', [id]);
  }

  list(em: EntityManager, query: ListAllocationsQuery, scope: CallerScope, nights: { from?: string; to?: string }) {
    const status = query.status ?? null;
    return pageRows<AllocationRow, AllocationView>(
      em,
      {
        sql: `select * from (${ALLOCATION_SELECT}) a
              where (?::uuid[] is null or a.district_id = any(?::uuid[]))
                and (?::uuid is null or a.district_id = ?::uuid)
                and (?::uuid is null or a.site_id = ?::uuid)
                and (?::uuid is null or a.personnel_id = ?::uuid)
                and (?::date is null or a.last_night::date >= ?::date)
                and (?::date is null or a.first_night::date <= ?::date)
                and (?::text[] is null
                  or ('held' = any(?::text[]) and exists (select 1 from lodging.bed_night n
                      where n.allocation_id = a.id and n.status = 'held'))
                  or ('released' = any(?::text[]) and not exists (select 1 from lodging.bed_night n
                      where n.allocation_id = a.id and n.status = 'held')))`,
        params: [
          uuidArray(scope.districtIds),
          uuidArray(scope.districtIds),
          ...twice(query.districtId ?? null),
          ...twice(query.siteId ?? null),
          ...twice(query.personnelId ?? null),
          ...twice(nights.from ?? null),
          ...twice(nights.to ?? null),
          ...[status, status, status].map((s) => (s ? `{${s.join(',')}}` : null)),
        ],
      },
      query,
      allocationView,
      ALLOCATION_ORDER,
    );
  }

  /** The held nights that stand in the way of `wanted`: on its bed, or of its person, in its nights. */
  async clashes(em: EntityManager, wanted: NewAllocation): Promise<HeldNight[]> {
    return em.execute<HeldNight[]>(
      `select n.allocation_id as "allocationId", n.personnel_id as "personnelId", n.bed_id as "bedId",
         a.district_id as "districtId", n.night::text as night, s.name as "siteName"
       from lodging.bed_night n
       join lodging.allocation a on a.id = n.allocation_id
       join lodging.bed b on b.id = n.bed_id join lodging.room r on r.id = b.room_id
       join lodging.site s on s.id = r.site_id
       where n.status = 'held' and n.night = any(?::date[]) and (n.bed_id = ? or n.personnel_id = ?)
       order by n.night, n.allocation_id`,
      [`{${wanted.nights.join(',')}}`, wanted.bedId, wanted.personnelId],
    );
  }

  /** Gives back the allocation's held nights from `fromNight` on (all when null); the nights released. */
  async release(
    em: EntityManager,
    allocationId: string,
    fromNight: string | null,
    reason: ReleaseReason,
  ): Promise<string[]> {
    const rows = await em.execute<{ night: string }[]>(
      `update lodging.bed_night set status = 'released', release_reason = ?, released_at = now()
       where allocation_id = ? and status = 'held' and (?::date is null or night >= ?::date)
       returning night::text`,
      [reason, allocationId, fromNight, fromNight],
    );
    await em.execute('update lodging.allocation set updated_at = now() where id = ?', [allocationId]);
    return rows.map((row) => row.night).sort();
  }

  /**
   * Holds again a night the no-show sweep gave back, for a person who came after all; a bed taken meanwhile fails on
   * `bed_night_bed_once`. Whether there was such a night.
   */
  async reclaimNoShow(em: EntityManager, allocationId: string, night: string): Promise<boolean> {
    const rows = await em.execute(
      `update lodging.bed_night set status = 'held', release_reason = null, released_at = null
       where allocation_id = ? and night = ?::date and release_reason = 'no_show' returning night`,
      [allocationId, night],
    );
    return rows.length > 0;
  }

  async checkIn(em: EntityManager, allocationId: string, at: Date): Promise<void> {
    await em.execute(
      'update lodging.allocation set checked_in_at = coalesce(checked_in_at, ?), updated_at = now() where id = ?',
      [at, allocationId],
    );
  }

  async checkOut(em: EntityManager, allocationId: string, at: Date): Promise<void> {
    await em.execute('update lodging.allocation set checked_out_at = ?, updated_at = now() where id = ?', [
      at,
      allocationId,
    ]);
  }
}

function twice<T>(value: T): [T, T] {
  return [value, value];
}
