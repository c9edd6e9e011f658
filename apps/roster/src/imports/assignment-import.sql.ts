import { batchMayReach, inBatchDistricts, postedIn, servingIn } from '../shared/scope.sql';
import { ASSIGNMENT_SUBJECT, assignmentPayload, outboxInsert } from './import-events.sql';

/**
 * Set-based checks and upsert of a staged assignment import. A duty is matched by person and window; the
 * exclusion constraint stays the final word on overlaps, these checks only name the rows for the officer.
 * Everything a row touches must lie in the batch's districts: the person (serving there), the post, and a duty it
 * would update (posted there).
 */
const mayPost = (person: string) => batchMayReach(servingIn(person, inBatchDistricts));
const mayChangeDuty = (duty: string) => batchMayReach(postedIn(duty, inBatchDistricts));

/**
 * A duty outside the officer's districts is "another duty": no id, post or times. A duty of the same person and
 * window there is one too, rather than one the row would update, so it reads the same as any other clash.
 */
const OVERLAPS_ELSEWHERE = 'this duty overlaps another duty of this person';

const SOURCE = `
  batch as (select id, district_ids from roster.import_batch where id = ?),
  src as (
    select i.row,
      i.data->>'personnelId' as personnel_ref_id,
      i.data->>'serviceNumber' as personnel_ref_code,
      coalesce(p1.id, p2.id) as personnel_id,
      i.data->>'postId' as post_ref_id,
      i.data->>'postCode' as post_ref_code,
      coalesce(s1.id, s2.id) as post_id,
      i.data->>'role' as role,
      (i.data->>'startsAt')::timestamptz as starts_at,
      (i.data->>'endsAt')::timestamptz as ends_at,
      i.data->>'phase' as phase,
      i.data->>'status' as status
    from batch
    join roster.import_row i on i.batch_id = batch.id
    left join roster.personnel p1 on p1.id = (i.data->>'personnelId')::uuid and ${mayPost('p1')}
    left join roster.personnel p2 on p2.service_number = i.data->>'serviceNumber' and ${mayPost('p2')}
    left join roster.post s1 on s1.id = (i.data->>'postId')::uuid
      and ${batchMayReach(inBatchDistricts('s1.district_id'))}
    left join roster.post s2 on s2.code = i.data->>'postCode'
      and ${batchMayReach(inBatchDistricts('s2.district_id'))}
  )`;

/** Every problem of the set as (row, field, message): references, overlaps in the file and with other duties. */
const PROBLEMS = `
    select row,
      case when personnel_ref_id is not null then 'personnelId' else 'serviceNumber' end as field,
      case when personnel_ref_id is not null then 'no personnel with id ' || personnel_ref_id
           else 'no personnel with service number ' || personnel_ref_code end as message
    from src where personnel_id is null
    union all
    select row,
      case when post_ref_id is not null then 'postId' else 'postCode' end,
      case when post_ref_id is not null then 'no post with id ' || post_ref_id else 'no post with code ' || post_ref_code end
    from src where post_id is null
    union all
    select b.row, 'startsAt', 'this duty overlaps the duty on row ' || a.row || ' for the same person'
    from src a join src b on a.personnel_id = b.personnel_id and a.row < b.row
      and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
    union all
    select distinct on (s.row) s.row, 'startsAt',
      case when ${mayChangeDuty('d')} then
        'overlaps assignment ' || d.id || ' at ' || p.code || ' from ' ||
        to_char(d.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') || ' to ' ||
        to_char(d.ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"')
      else '${OVERLAPS_ELSEWHERE}' end
    from src s cross join batch
    join roster.duty_assignment d on d.personnel_id = s.personnel_id and d.status <> 'cancelled'
      and tstzrange(d.starts_at, d.ends_at, '[)') && tstzrange(s.starts_at, s.ends_at, '[)')
      and not (d.starts_at = s.starts_at and d.ends_at = s.ends_at and ${mayChangeDuty('d')})
    join roster.post p on p.id = d.post_id`;

export const ASSIGNMENT_CHECKS = `
  with ${SOURCE}
  insert into roster.import_error (batch_id, row, field, message)
  select ?, row, field, message from (${PROBLEMS}) problems`;

/** Checks and upsert in one statement, as PERSONNEL_APPLY: nothing is written when the checks record a problem. */
export const ASSIGNMENT_APPLY = `
  with ${SOURCE},
  problems as (
    insert into roster.import_error (batch_id, row, field, message)
    select ?, row, field, message from (${PROBLEMS}) p
    returning 1
  ),
  applied as (
    insert into roster.duty_assignment as d (id, personnel_id, post_id, role, starts_at, ends_at, phase, status)
    select roster.uuid_v7(), s.personnel_id, s.post_id, s.role, s.starts_at, s.ends_at, s.phase,
           coalesce(s.status, cur.status, 'planned')
    from src s
    left join roster.duty_assignment cur on cur.personnel_id = s.personnel_id and cur.starts_at = s.starts_at
      and cur.ends_at = s.ends_at and cur.status <> 'cancelled'
    where not exists (select 1 from problems)
    order by s.row
    on conflict (personnel_id, starts_at, ends_at) where status <> 'cancelled' do update set
      post_id = excluded.post_id, role = excluded.role, phase = excluded.phase, status = excluded.status,
      updated_at = now()
    -- Checked again on the row as it is now, as in the checks: a duty posted elsewhere meanwhile is not moved.
    where (select ${mayChangeDuty('d')} from batch)
      and (d.post_id, d.role, d.phase, d.status) is distinct from
          (excluded.post_id, excluded.role, excluded.phase, excluded.status)
    returning *, (xmax = 0) as inserted
  ),
  -- Every part of one statement sees the rows as they were before it: this is each changed duty's before-image.
  previous as (
    select cur.* from src s
    join roster.duty_assignment cur on cur.personnel_id = s.personnel_id and cur.starts_at = s.starts_at
      and cur.ends_at = s.ends_at and cur.status <> 'cancelled'
  ),
  events as (${outboxInsert(
    'applied r left join previous b on b.id = r.id',
    ASSIGNMENT_SUBJECT,
    `case when r.inserted then ${assignmentPayload('r')}
      else jsonb_build_object('before', ${assignmentPayload('b')}, 'after', ${assignmentPayload('r')}) end`,
  )})
  select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated,
    (select count(*)::int from problems) as problems
  from applied`;
