import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** A post as meals needs it: where the meals go. */
export interface PostFact {
  id: string;
  code: string;
  name: string;
  districtId: string;
  tehsilId: string;
  policeStationId: string;
}

/** A live duty with the person on it, as a headcount needs it. */
export interface DutyFact {
  dutyId: string;
  personnelId: string;
  serviceNumber: string;
  name: string;
  dietaryNeeds: string[];
  role: string;
  startsAt: Date;
  endsAt: Date;
  post: PostFact;
}

interface PostRow {
  id: string;
  code: string;
  name: string;
  district_id: string;
  tehsil_id: string;
  police_station_id: string;
}

interface DutyRow {
  duty_id: string;
  personnel_id: string;
  service_number: string;
  person_name: string;
  dietary_needs: string[] | null;
  role: string;
  starts_at: Date;
  ends_at: Date;
  post_id: string;
  post_code: string;
  post_name: string;
  district_id: string;
  tehsil_id: string;
  police_station_id: string;
}

const toPost = (row: PostRow): PostFact => ({
  id: row.id,
  code: row.code,
  name: row.name,
  districtId: row.district_id,
  tehsilId: row.tehsil_id,
  policeStationId: row.police_station_id,
});

/**
 * The roster's facts meals reads: posts, people and their live duties, from the shared roster projection that meals
 * keeps in its schema (`post`, `personnel`, `duty`). The only place meals reads them.
 */
@Injectable()
export class RosterFactsRepository {
  async post(em: EntityManager, id: string): Promise<PostFact | null> {
    const [row] = await em.execute<PostRow[]>(
      `select id, code, name, district_id, tehsil_id, police_station_id from meals.post where id = ?`,
      [id],
    );
    return row ? toPost(row) : null;
  }

  /** Which of these posts, and which of these tehsils (through their posts), meals knows in the district. */
  async knownIn(
    em: EntityManager,
    districtId: string,
    postIds: readonly string[],
    tehsilIds: readonly string[],
  ): Promise<{ posts: Set<string>; tehsils: Set<string> }> {
    const rows = await em.execute<{ id: string; tehsil_id: string }[]>(
      `select id, tehsil_id from meals.post
       where district_id = ? and (id = any(?::uuid[]) or tehsil_id = any(?::uuid[]))`,
      [districtId, `{${postIds.join(',')}}`, `{${tehsilIds.join(',')}}`],
    );
    return {
      posts: new Set(rows.map((row) => row.id).filter((id) => postIds.includes(id))),
      tehsils: new Set(rows.map((row) => row.tehsil_id)),
    };
  }

  /**
   * Live duties at the district's posts (or one post) whose window overlaps [from, to), with their people; a duty
   * whose person the projection has not heard of yet is left out until it has.
   */
  async dutiesAround(
    em: EntityManager,
    districtId: string,
    from: Date,
    to: Date,
    postId?: string,
  ): Promise<DutyFact[]> {
    const rows = await em.execute<DutyRow[]>(
      `select d.id as duty_id, d.personnel_id, pe.service_number, pe.name as person_name, pe.dietary_needs, d.role,
         d.starts_at, d.ends_at, p.id as post_id, p.code as post_code, p.name as post_name, p.district_id,
         p.tehsil_id, p.police_station_id
       from meals.duty d
       join meals.post p on p.id = d.post_id
       join meals.personnel pe on pe.id = d.personnel_id
       where p.district_id = ? and d.status <> 'cancelled' and d.starts_at < ? and d.ends_at > ?
         and (?::uuid is null or p.id = ?::uuid)
       order by p.code, d.starts_at, d.id`,
      [districtId, to, from, postId ?? null, postId ?? null],
    );
    return rows.map((row) => ({
      dutyId: row.duty_id,
      personnelId: row.personnel_id,
      serviceNumber: row.service_number,
      name: row.person_name,
      dietaryNeeds: row.dietary_needs ?? [],
      role: row.role,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
      post: toPost({
        id: row.post_id,
        code: row.post_code,
        name: row.post_name,
        district_id: row.district_id,
        tehsil_id: row.tehsil_id,
        police_station_id: row.police_station_id,
      }),
    }));
  }
}
