import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { uuidArray } from '@rasad/messaging';

/** The roster's tables as the shared projection keeps them in this schema: the one place transport reads them. */
export const ROSTER_TABLES = {
  personnel: 'transport.personnel',
  post: 'transport.post',
  duty: 'transport.duty',
} as const;

export interface PostFact {
  id: string;
  code: string;
  name: string;
  districtId: string;
  latitude: number | null;
  longitude: number | null;
}

export interface DutyFact {
  id: string;
  personnelId: string;
  postId: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
}

export interface PersonFact {
  id: string;
  serviceNumber: string;
  name: string;
  travelMode: string;
}

interface PostRow {
  id: string;
  code: string;
  name: string;
  district_id: string;
  latitude: number | null;
  longitude: number | null;
}

interface DutyRow {
  id: string;
  personnel_id: string;
  post_id: string;
  status: string;
  starts_at: string | Date;
  ends_at: string | Date;
}

/** Reads of the roster's facts, by id, for the checks and views of transport's own records. */
@Injectable()
export class RosterFactsRepository {
  async posts(em: EntityManager, ids: string[]): Promise<Map<string, PostFact>> {
    const rows = await em.execute<PostRow[]>(
      `select id, code, name, district_id, latitude, longitude from ${ROSTER_TABLES.post} where id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          code: row.code,
          name: row.name,
          districtId: row.district_id,
          latitude: row.latitude,
          longitude: row.longitude,
        },
      ]),
    );
  }

  async duties(em: EntityManager, ids: string[]): Promise<Map<string, DutyFact>> {
    const rows = await em.execute<DutyRow[]>(
      `select id, personnel_id, post_id, status, starts_at, ends_at from ${ROSTER_TABLES.duty}
       where id = any(?::uuid[])`,
      [uuidArray(ids)],
    );
    return new Map(rows.map((row) => [row.id, dutyFact(row)]));
  }

  /** Every live duty of these people: what their stays, and so their legs, are made of. */
  async liveDutiesOf(em: EntityManager, personnelIds: string[]): Promise<DutyFact[]> {
    const rows = await em.execute<DutyRow[]>(
      `select id, personnel_id, post_id, status, starts_at, ends_at from ${ROSTER_TABLES.duty}
       where personnel_id = any(?::uuid[]) and status <> 'cancelled' order by personnel_id, starts_at, id`,
      [uuidArray(personnelIds)],
    );
    return rows.map(dutyFact);
  }

  async person(em: EntityManager, id: string): Promise<PersonFact | null> {
    const [row] = await em.execute<{ id: string; service_number: string; name: string; travel_mode: string }[]>(
      `select id, service_number, name, travel_mode from ${ROSTER_TABLES.personnel} where id = ?`,
      [id],
    );
    return row ? { id: row.id, serviceNumber: row.service_number, name: row.name, travelMode: row.travel_mode } : null;
  }
}

export function dutyFact(row: DutyRow): DutyFact {
  return {
    id: row.id,
    personnelId: row.personnel_id,
    postId: row.post_id,
    status: row.status,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
  };
}
