import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CallerScope } from '@rasad/contracts';
import { projectionTables, servingIn } from '@rasad/duty-assignments';
import { Gender, Language } from '@rasad/personnel';
import { uuidArray } from '@rasad/messaging';
import { DutyForNights } from './night-needs';

/** A person as lodging needs them, from the roster projection. */
export interface LodgedPerson {
  id: string;
  serviceNumber: string;
  name: string;
  gender: Gender;
  unitId: string;
  homeDistrictId: string;
  language: Language;
}

/**
 * Where lodging counts a person as serving (`servingIn`, the roster's own rule, over lodging's copy): their home
 * district, or the district of a post one of their live duties is at. The copy knows no unit's district, so someone
 * reachable only through their unit is out of lodging's scope.
 */
const IN_DISTRICTS = `(?::uuid[] is null
  or ${servingIn('pe', (district) => `${district} = any(?::uuid[])`, projectionTables('lodging'))})`;

/** Live duties in the roster projection, with what the night rules need of their post and person. */
const DUTIES = `
  select d.id as "dutyId", d.personnel_id as "personnelId", d.post_id as "postId", p.district_id as "postDistrictId",
    coalesce(p.remote, false) as "postRemote", pe.home_district_id as "homeDistrictId", d.starts_at as "startsAt",
    d.ends_at as "endsAt"
  from lodging.duty d join lodging.post p on p.id = d.post_id
  left join lodging.personnel pe on pe.id = d.personnel_id
  where d.status <> 'cancelled'`;

interface DutyRow extends Omit<DutyForNights, 'startsAt' | 'endsAt'> {
  startsAt: string | Date;
  endsAt: string | Date;
}

const dutyForNights = (row: DutyRow): DutyForNights => ({
  ...row,
  startsAt: new Date(row.startsAt),
  endsAt: new Date(row.endsAt),
});

/** What auto-allocation needs of a post: where it is. */
export interface PostPlace {
  id: string;
  tehsilId: string;
  latitude: number | null;
  longitude: number | null;
}

/** Who lodging may house for a caller, and their duties, from the roster projection. */
@Injectable()
export class PeopleRepository {
  /** The person, if they serve in the caller's districts. */
  async person(em: EntityManager, personnelId: string, scope: CallerScope): Promise<LodgedPerson | null> {
    const districts = uuidArray(scope.districtIds);
    const [row] = await em.execute<LodgedPerson[]>(
      `select pe.id, pe.service_number as "serviceNumber", pe.name, pe.gender, pe.unit_id as "unitId",
         pe.home_district_id as "homeDistrictId", pe.language
       from lodging.personnel pe where pe.id = ? and ${IN_DISTRICTS}`,
      [personnelId, districts, districts, districts],
    );
    return row ?? null;
  }

  /**
   * Every live duty of the people with a live duty posted in the district (`districtIds`: any of them; null: any)
   * overlapping the window: their nights elsewhere count too, since a person sleeps in one bed a night.
   */
  async dutiesAround(
    em: EntityManager,
    districtIds: string[] | null,
    window: { from: Date; to: Date },
  ): Promise<DutyForNights[]> {
    const rows = await em.execute<DutyRow[]>(
      `${DUTIES} and d.starts_at < ? and d.ends_at > ? and d.personnel_id in (
         select dd.personnel_id from lodging.duty dd join lodging.post pp on pp.id = dd.post_id
         where dd.status <> 'cancelled' and (?::uuid[] is null or pp.district_id = any(?::uuid[]))
           and dd.starts_at < ? and dd.ends_at > ?)`,
      [window.to, window.from, uuidArray(districtIds), uuidArray(districtIds), window.to, window.from],
    );
    return rows.map(dutyForNights);
  }

  /** These people, as far as the projection knows them. */
  async people(em: EntityManager, ids: string[]): Promise<LodgedPerson[]> {
    if (ids.length === 0) {
      return [];
    }
    return em.execute<LodgedPerson[]>(
      `select pe.id, pe.service_number as "serviceNumber", pe.name, pe.gender, pe.unit_id as "unitId",
         pe.home_district_id as "homeDistrictId", pe.language
       from lodging.personnel pe where pe.id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
  }

  async posts(em: EntityManager, ids: string[]): Promise<PostPlace[]> {
    if (ids.length === 0) {
      return [];
    }
    return em.execute<PostPlace[]>(
      `select id, tehsil_id as "tehsilId", latitude, longitude from lodging.post where id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
  }

  /** The live duties of these people. */
  async dutiesOf(em: EntityManager, personnelIds: string[]): Promise<DutyForNights[]> {
    if (personnelIds.length === 0) {
      return [];
    }
    const rows = await em.execute<DutyRow[]>(`${DUTIES} and d.personnel_id = any(?::uuid[])`, [
      uuidArray(personnelIds),
    ]);
    return rows.map(dutyForNights);
  }
}
