import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { uuidArray } from '@rasad/messaging';
import { PlanBed, PlanSite } from './housing-plan';

/** A held night at one of the district's sites. */
export interface HeldBedNight {
  allocationId: string;
  personnelId: string;
  night: string;
}

const nightsArray = (nights: string[]) => `{${nights.join(',')}}`;

/** Auto-allocation's reads of the district's beds and of the nights held. */
@Injectable()
export class AutoAllocationRepository {
  /** Auto-allocations of a district take turns: each plans from the beds the one before left free. */
  async lockDistrict(em: EntityManager, districtId: string): Promise<void> {
    await em.execute(`select pg_advisory_xact_lock(hashtext('lodging.auto.' || ?))`, [districtId]);
  }

  async sites(em: EntityManager, districtId: string): Promise<PlanSite[]> {
    return em.execute<PlanSite[]>(
      `select id, name, tehsil_id as "tehsilId", latitude, longitude, suitable_for_women as "suitableForWomen"
       from lodging.site where district_id = ? order by name, id`,
      [districtId],
    );
  }

  /** The district's beds, room by room, in label order. */
  async beds(em: EntityManager, districtId: string): Promise<PlanBed[]> {
    return em.execute<PlanBed[]>(
      `select b.id, r.site_id as "siteId", r.gender as "roomGender"
       from lodging.bed b join lodging.room r on r.id = b.room_id join lodging.site s on s.id = r.site_id
       where s.district_id = ? order by s.name, r.name, b.label, b.id`,
      [districtId],
    );
  }

  /** `<bedId>|<night>` for the district's beds held on these nights. */
  async taken(em: EntityManager, districtId: string, nights: string[]): Promise<Set<string>> {
    const rows = await em.execute<{ key: string }[]>(
      `select n.bed_id || '|' || n.night::text as key
       from lodging.bed_night n join lodging.allocation a on a.id = n.allocation_id
       where a.district_id = ? and n.status = 'held' and n.night = any(?::date[])`,
      [districtId, nightsArray(nights)],
    );
    return new Set(rows.map((row) => row.key));
  }

  /** `<personnelId>|<night>` for these people's nights held anywhere. */
  async housed(em: EntityManager, personnelIds: string[], nights: string[]): Promise<Set<string>> {
    if (personnelIds.length === 0) {
      return new Set();
    }
    const rows = await em.execute<{ key: string }[]>(
      `select personnel_id || '|' || night::text as key from lodging.bed_night
       where status = 'held' and personnel_id = any(?::uuid[]) and night = any(?::date[])`,
      [uuidArray(personnelIds), nightsArray(nights)],
    );
    return new Set(rows.map((row) => row.key));
  }

  /** The nights held at the district's sites among `nights`. */
  async held(em: EntityManager, districtId: string, nights: string[]): Promise<HeldBedNight[]> {
    return em.execute<HeldBedNight[]>(
      `select n.allocation_id as "allocationId", n.personnel_id as "personnelId", n.night::text as night
       from lodging.bed_night n join lodging.allocation a on a.id = n.allocation_id
       where a.district_id = ? and n.status = 'held' and n.night = any(?::date[])
       order by n.allocation_id, n.night`,
      [districtId, nightsArray(nights)],
    );
  }

  /** Gives back these held nights of one allocation; the nights released. */
  async releaseNights(em: EntityManager, allocationId: string, nights: string[], reason: string): Promise<string[]> {
    const rows = await em.execute<{ night: string }[]>(
      `update lodging.bed_night set status = 'released', release_reason = ?, released_at = now()
       where allocation_id = ? and status = 'held' and night = any(?::date[]) returning night::text`,
      [reason, allocationId, nightsArray(nights)],
    );
    return rows.map((row) => row.night).sort();
  }
}
