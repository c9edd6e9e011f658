import { AudienceSelector, REQUIRED_BRIEFING_TOPICS } from '@rasad/contracts';
import { SEATED_SQL } from '../shared/seats.sql';
import { LEFT_OVER_LIMIT } from './fill-result';

// Read only by InvitationsRepository.

/**
 * One statement: the eligible people ranked by their earliest qualifying duty, the first `seats` of them invited
 * (a cancelled invitation to this session is reopened), and the ranked list back with the new invitation ids.
 * Runs while the caller holds the session row's lock, so concurrent fills see each other's seats.
 *
 * Eligible: known to briefings, with a live duty posted in the session's district that starts once the session
 * is over and matches the selector; free for the whole session (no live duty anywhere overlapping it); not yet
 * present at (not cancelled) sessions covering every required topic; holding no seat in this session nor in another
 * scheduled session that has not ended; and not having declined this one.
 */
export const FILL_SQL = `
  with f as (
    select * from jsonb_to_record(?::jsonb) as f(session uuid, seats int, tehsil uuid, station uuid, unit uuid,
      category text, phase text, role text, people uuid[], required text[])
  ),
  s as (select briefings.session.* from briefings.session, f where id = f.session),
  duties as (
    select d.personnel_id, min(d.starts_at) as first_duty
    from s cross join f
    join briefings.post p on p.district_id = s.district_id
    join briefings.duty d on d.post_id = p.id and d.status <> 'cancelled' and d.starts_at >= s.ends_at
    join briefings.personnel pe on pe.id = d.personnel_id
    where (f.tehsil is null or p.tehsil_id = f.tehsil)
      and (f.station is null or p.police_station_id = f.station)
      and (f.unit is null or pe.unit_id = f.unit)
      and (f.category is null or p.category = f.category)
      and (f.phase is null or d.phase = f.phase)
      and (f.role is null or d.role = f.role)
      and (f.people is null or d.personnel_id = any(f.people))
    group by d.personnel_id
  ),
  eligible as (
    select duties.*, row_number() over (order by first_duty, personnel_id) as rank, count(*) over () as total
    from duties, s, f
    where not exists (
        select 1 from briefings.invitation i
        where i.personnel_id = duties.personnel_id and i.session_id = s.id and i.status <> 'cancelled')
      and not exists (
        select 1 from briefings.duty c
        where c.personnel_id = duties.personnel_id and c.status <> 'cancelled'
          and c.starts_at < s.ends_at and c.ends_at > s.starts_at)
      and not exists (
        select 1 from briefings.invitation i join briefings.session o on o.id = i.session_id
        where i.personnel_id = duties.personnel_id and i.status in ${SEATED_SQL}
          and o.status = 'scheduled' and o.ends_at > now())
      and not (
        select coalesce(array_agg(distinct topic), '{}') @> f.required
        from briefings.attendance a
        join briefings.session x on x.id = a.session_id and x.status <> 'cancelled'
        cross join unnest(x.topics) as topic
        where a.personnel_id = duties.personnel_id and a.status = 'present')
  ),
  invited as (
    insert into briefings.invitation (id, session_id, personnel_id, status)
    select briefings.uuid_v7(), f.session, personnel_id, 'invited' from eligible, f where rank <= f.seats order by rank
    on conflict (session_id, personnel_id) do update
      set status = 'invited', status_reason = null, updated_at = now()
    returning id, personnel_id
  )
  select e.personnel_id, e.first_duty, e.rank::int as rank, e.total::int as total, i.id as invitation_id
  from eligible e cross join f left join invited i on i.personnel_id = e.personnel_id
  where e.rank <= f.seats + ${LEFT_OVER_LIMIT}
  order by e.rank`;

export function fillParams(sessionId: string, seats: number, selector: AudienceSelector): string {
  return JSON.stringify({
    session: sessionId,
    seats,
    tehsil: selector.tehsilId ?? null,
    station: selector.policeStationId ?? null,
    unit: selector.unitId ?? null,
    category: selector.postCategory ?? null,
    phase: selector.phase ?? null,
    role: selector.role ?? null,
    people: selector.personnelIds ?? null,
    required: REQUIRED_BRIEFING_TOPICS,
  });
}
