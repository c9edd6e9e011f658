import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AssignmentEvent, PersonnelEvent, PostEvent } from '@rasad/contracts';
import { CLASH_REASON, DUTY_CANCELLED_REASON } from '../shared/seats';
import { SEATED_SQL } from '../shared/seats.sql';

/** A seat given back: the invitation that held it. */
export interface ReleasedSeat {
  invitationId: string;
  sessionId: string;
  personnelId: string;
}

interface ReleasedRecord {
  id: string;
  session_id: string;
  personnel_id: string;
}

/**
 * Upserts by id: events of one aggregate arrive in order, but a duty may arrive before its post or person, and a
 * replayed old event must not be refused. Each statement takes the event's payload as one JSON parameter.
 */
const UPSERT_PERSONNEL = `
  insert into briefings.personnel (id, service_number, name, rank, unit_id, home_district_id, language, updated_at)
  select p.id, p."serviceNumber", p.name, p.rank, p."unitId", p."homeDistrictId", p.language, now()
  from jsonb_to_record(?::jsonb) as p(id uuid, "serviceNumber" text, name text, rank text, "unitId" uuid,
    "homeDistrictId" uuid, language text)
  on conflict (id) do update set service_number = excluded.service_number, name = excluded.name,
    rank = excluded.rank, unit_id = excluded.unit_id, home_district_id = excluded.home_district_id,
    language = excluded.language, updated_at = now()`;

const UPSERT_POST = `
  insert into briefings.post (id, code, name, kind, category, district_id, tehsil_id, police_station_id, updated_at)
  select p.id, p.code, p.name, p.kind, p.category, p."districtId", p."tehsilId", p."policeStationId", now()
  from jsonb_to_record(?::jsonb) as p(id uuid, code text, name text, kind text, category text, "districtId" uuid,
    "tehsilId" uuid, "policeStationId" uuid)
  on conflict (id) do update set code = excluded.code, name = excluded.name, kind = excluded.kind,
    category = excluded.category, district_id = excluded.district_id, tehsil_id = excluded.tehsil_id,
    police_station_id = excluded.police_station_id, updated_at = now()`;

const UPSERT_DUTY = `
  insert into briefings.duty (id, personnel_id, post_id, role, phase, status, starts_at, ends_at, updated_at)
  select d.id, d."personnelId", d."postId", d.role, d.phase, d.status, d."startsAt", d."endsAt", now()
  from jsonb_to_record(?::jsonb) as d(id uuid, "personnelId" uuid, "postId" uuid, role text, phase text,
    status text, "startsAt" timestamptz, "endsAt" timestamptz)
  on conflict (id) do update set personnel_id = excluded.personnel_id, post_id = excluded.post_id,
    role = excluded.role, phase = excluded.phase, status = excluded.status, starts_at = excluded.starts_at,
    ends_at = excluded.ends_at, updated_at = now()`;

/** The roster projection's SQL, and the seats a change of duty gives back. */
@Injectable()
export class ProjectionsRepository {
  async upsertPersonnel(em: EntityManager, person: PersonnelEvent): Promise<void> {
    await em.execute(UPSERT_PERSONNEL, [JSON.stringify(person)]);
  }

  async upsertPost(em: EntityManager, post: PostEvent): Promise<void> {
    await em.execute(UPSERT_POST, [JSON.stringify(post)]);
  }

  async upsertDuty(em: EntityManager, duty: AssignmentEvent): Promise<void> {
    await em.execute(UPSERT_DUTY, [JSON.stringify(duty)]);
  }

  /**
   * Gives back the seats in upcoming sessions of the former duty's district that end by its start, held by its
   * person, unless another live duty still qualifies them (posted in the session's district, starting once the
   * session is over).
   */
  releaseUnqualified(em: EntityManager, formerDuty: AssignmentEvent): Promise<ReleasedSeat[]> {
    return this.releaseUpcoming(
      em,
      DUTY_CANCELLED_REASON,
      formerDuty.personnelId,
      `s.district_id = (select district_id from briefings.post where id = ?)
       and s.ends_at <= ?::timestamptz
       and not exists (
         select 1 from briefings.duty qd join briefings.post qp on qp.id = qd.post_id
         where qd.personnel_id = i.personnel_id and qd.status <> 'cancelled'
           and qp.district_id = s.district_id and qd.starts_at >= s.ends_at)`,
      [formerDuty.postId, formerDuty.startsAt],
    );
  }

  /** Gives back the duty's person's seats in upcoming sessions that overlap the duty. */
  releaseClashes(em: EntityManager, duty: AssignmentEvent): Promise<ReleasedSeat[]> {
    return this.releaseUpcoming(
      em,
      CLASH_REASON,
      duty.personnelId,
      's.starts_at < ?::timestamptz and s.ends_at > ?::timestamptz',
      [duty.endsAt, duty.startsAt],
    );
  }

  /** Gives back the person's seats, for `reason`, in scheduled sessions not yet started that meet `condition`. */
  private async releaseUpcoming(
    em: EntityManager,
    reason: string,
    personnelId: string,
    condition: string,
    params: unknown[],
  ): Promise<ReleasedSeat[]> {
    const rows = await em.execute<ReleasedRecord[]>(
      `update briefings.invitation i
         set status = 'cancelled', status_reason = ?, updated_at = now()
       from briefings.session s
       where i.session_id = s.id and i.personnel_id = ? and i.status in ${SEATED_SQL}
         and s.status = 'scheduled' and s.starts_at > now()
         and ${condition}
       returning i.id, i.session_id, i.personnel_id`,
      [reason, personnelId, ...params],
    );
    return rows.map((row) => ({ invitationId: row.id, sessionId: row.session_id, personnelId: row.personnel_id }));
  }
}
