import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { projectionTables, servingIn } from '@rasad/duty-assignments';
import { uuidArray } from '@rasad/messaging';
import { PersonRef } from './people-in-scope';

/**
 * Where briefings counts a person as serving (`servingIn`, the roster's own rule, over briefings' copy): someone it
 * knows from the roster whose home district is one of `districts`, or who has a live duty posted in one of them. The
 * roster also counts the district of the person's unit; the projection does not carry a unit's district, so someone
 * reachable only through their unit is out of briefings' scope. Being invited to a session does not count: an
 * invitation is what scope must guard.
 */
const IN_DISTRICTS = `(?::uuid[] is null
  or ${servingIn('p', (district) => `${district} = any(?::uuid[])`, projectionTables('briefings'))})`;

/** The roster projection's people, as the scope of a caller (`districts`, null: every district) sees them. */
@Injectable()
export class PeopleRepository {
  /**
   * Each reference resolved to a person in `districts`, in the order given; null where there is no such person
   * there. Callers answer a null exactly as for a person who does not exist, so that a person outside the caller's
   * districts cannot be told from one who never existed.
   */
  async resolve(
    em: EntityManager,
    refs: readonly { ref: PersonRef }[],
    districts: readonly string[] | null,
  ): Promise<(string | null)[]> {
    if (refs.length === 0) {
      return [];
    }
    const rows = await em.execute<{ n: number; id: string | null }[]>(
      `select r.n, (
         select p.id from briefings.personnel p
         where ((r."personnelId" is not null and p.id = r."personnelId")
             or (r."personnelId" is null and p.service_number = r."serviceNumber"))
           and ${IN_DISTRICTS}
         order by p.id limit 1) as id
       from jsonb_to_recordset(?::jsonb) as r(n int, "personnelId" uuid, "serviceNumber" text)
       order by r.n`,
      [
        ...Array.from({ length: 3 }, () => uuidArray(districts)),
        JSON.stringify(
          refs.map(({ ref }, n) => ({
            n,
            personnelId: ref.personnelId ?? null,
            serviceNumber: ref.serviceNumber ?? null,
          })),
        ),
      ],
    );
    return rows.map((row) => row.id);
  }

  /** Whether briefings knows this person and they serve in `districts`. */
  async inDistricts(em: EntityManager, personnelId: string, districts: readonly string[] | null): Promise<boolean> {
    return (await this.servingDistrict(em, personnelId, districts)) !== null;
  }

  /**
   * The district of `districts` through which the person serves there: their home district when it is one of them,
   * else that of their earliest live duty there; null when there is none.
   */
  async servingDistrict(
    em: EntityManager,
    personnelId: string,
    districts: readonly string[] | null,
  ): Promise<string | null> {
    const ids = uuidArray(districts);
    const [row] = await em.execute<{ district_id: string | null }[]>(
      `select case when ?::uuid[] is null or p.home_district_id = any(?::uuid[]) then p.home_district_id
         else (select t.district_id from briefings.duty d join briefings.post t on t.id = d.post_id
               where d.personnel_id = p.id and d.status <> 'cancelled' and t.district_id = any(?::uuid[])
               order by d.starts_at limit 1) end as district_id
       from briefings.personnel p where p.id = ?`,
      [ids, ids, ids, personnelId],
    );
    return row?.district_id ?? null;
  }
}
