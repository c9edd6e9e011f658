import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CallerScope } from '@rasad/contracts';
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
  /**
   * The person, if the caller reaches them: their home district, or the post district of one of their live duties,
   * is one of the caller's.
   */
  async person(em: EntityManager, personnelId: string, scope: CallerScope): Promise<LodgedPerson | null> {
    const districts = uuidArray(scope.districtIds);
    const [row] = await em.execute<LodgedPerson[]>(
      `select pe.id, pe.service_number as "serviceNumber", pe.name, pe.gender, pe.unit_id as "unitId",
         pe.home_district_id as "homeDistrictId", pe.language
       from lodging.personnel pe
       where pe.id = ? and (?::uuid[] is null or pe.home_district_id = any(?::uuid[]) or exists (
         select 1 from lodging.duty d join lodging.post p on p.id = d.post_id
         where d.personnel_id = pe.id and d.status <> 'cancelled' and p.district_id = any(?::uuid[])))`,
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
      [
        window.to,
        window.from,
        uuidArray(districtIds),
        uuidArray(districtIds),
        window.to,
        window.from,
      ],
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
