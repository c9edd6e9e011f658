import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DistrictEvent, EventEnvelope, ReadinessCheck, ReadinessDigestGapEvent } from '@rasad/contracts';

/** A district's biggest gap for one check: people at posts lacking one thing on one local date. */
export interface CheckGapRow extends ReadinessDigestGapEvent {
  check: ReadinessCheck;
}

export interface NewDigest {
  id: string;
  districtId: string;
  localDate: string;
  issuedAt: Date;
  assignments: number;
  text: string | null;
}

/**
 * Each missing item's group: by check, and for a meal its slot and date, for a bed its night, for a ride its
 * direction and the local date it is due (the instant in the code read in the deployment's zone). Codes are the
 * verdicts' own (`fed.no_plan:2027-02-08:dinner`, `lodged.night:2027-02-07`, `transported.return:<instant>`).
 */
const GAP_GROUPS = `
  with item as (
    select v.personnel_id, v.post_id, m->>'check' as "check", m->>'code' as code
    from readiness.verdict v cross join lateral jsonb_array_elements(v.missing) m
    where v.district_id = ? and v.ends_at > ?::timestamptz
  ), grouped as (
    select personnel_id, post_id, "check",
      case "check" when 'briefed' then 'briefing' when 'lodged' then 'bed' when 'fed' then 'meal'
        else case when code like 'transported.return:%' then 'return' else 'outbound' end end as kind,
      case when "check" = 'fed' then nullif(split_part(code, ':', 3), '') end as slot,
      case when "check" in ('fed', 'lodged') and split_part(code, ':', 2) ~ '^\\d{4}-\\d{2}-\\d{2}$'
             then split_part(code, ':', 2)
           when "check" = 'transported' and code ~ '^transported\\.(outbound|return):\\d{4}-'
             then to_char(substr(code, strpos(code, ':') + 1)::timestamptz at time zone ?, 'YYYY-MM-DD')
      end as date
    from item
  ), tally as (
    select "check", kind, slot, date, count(distinct personnel_id)::int as people, count(distinct post_id)::int as posts
    from grouped group by "check", kind, slot, date
  )
  select distinct on ("check") "check", kind, slot, date, people, posts
  from tally order by "check", people desc, posts desc, date nulls first, kind, slot`;

/** The digest's SQL: districts' names, the districts whose digest of a date is still to issue, gaps, the digest row. */
@Injectable()
export class DigestRepository {
  /** Applies a run of district events, each row the latest event of its district. */
  async upsertDistricts(em: EntityManager, events: readonly { payload: DistrictEvent; envelope: EventEnvelope }[]) {
    const rows = events.map(({ payload, envelope }) => ({ id: payload.id, name: payload.name, eventId: envelope.id }));
    await em.execute(
      `insert into readiness.district (id, name, event_id)
       select distinct on (id) id, name, "eventId" from jsonb_to_recordset(?::jsonb) as r(id uuid, name text, "eventId" uuid)
       order by id, "eventId" desc
       on conflict (id) do update set name = excluded.name, event_id = excluded.event_id
       where district.event_id < excluded.event_id`,
      [JSON.stringify(rows)],
    );
  }

  /** Districts readiness has posts in whose digest of `date` is not yet issued, with their names when known. */
  districtsDue(em: EntityManager, date: string, limit: number): Promise<{ id: string; name: string | null }[]> {
    return em.execute(
      `select p.district_id as id, d.name
       from (select distinct district_id from readiness.post) p
       left join readiness.district d on d.id = p.district_id
       where not exists (select 1 from readiness.digest g where g.district_id = p.district_id and g.local_date = ?::date)
       order by p.district_id limit ?`,
      [date, limit],
    );
  }

  /** The biggest gap of each check among duties not yet over at `now`. */
  biggestGaps(em: EntityManager, districtId: string, now: Date, timeZone: string): Promise<CheckGapRow[]> {
    return em.execute<CheckGapRow[]>(GAP_GROUPS, [districtId, now.toISOString(), timeZone]);
  }

  /** Records the digest unless one of its district and date exists (another replica's, or before a restart). */
  async recordOnce(em: EntityManager, digest: NewDigest): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      `insert into readiness.digest (id, district_id, local_date, issued_at, assignments, text)
       values (?, ?, ?::date, ?, ?, ?)
       on conflict on constraint digest_once do nothing returning id`,
      [digest.id, digest.districtId, digest.localDate, digest.issuedAt, digest.assignments, digest.text],
    );
    return rows.length === 1;
  }
}
