import { batchMayReach, inBatchDistricts, postedIn, servingIn } from '../shared/scope.sql';
import { ASSIGNMENT_SUBJECT, assignmentPayload, outboxInsert } from './import-events.sql';

/**
 * Set-based checks and upsert of a staged assignment import. A row matches the duty it updates, in this order:
 * 1. by an explicit `id` column, when the row has one (a duty outside the batch's districts reads as absent);
 * 2. else by person and window exactly;
 * 3. else by person, post and phase, when exactly one live duty of that person has them and no other row of the
 *    file names that duty: its window moves to the row's (re-importing to fix a time updates the duty itself).
 * A row matching nothing creates a duty. The exclusion constraint stays the final word on overlaps; these checks
 * only name the rows for the officer. Everything a row touches must lie in the batch's districts: the person
 * (serving there), the post, and a duty it would update (posted there).
 */
const mayPost = (person: string) => batchMayReach(servingIn(person, inBatchDistricts));
const mayChangeDuty = (duty: string) => batchMayReach(postedIn(duty, inBatchDistricts));

/**
 * A duty outside the officer's districts is "another duty": no id, post or times. A duty of the same person and
 * window there is one too, rather than one the row would update, so it reads the same as any other clash.
 */
const OVERLAPS_ELSEWHERE = 'this duty overlaps another duty of this person';

/**
 * The field an overlap is the fault of: the start when it falls inside the other duty, else the end, which runs
 * into it (overlapField() in overlap-field.ts says the same for the API).
 */
const overlapField = (mine: string, other: string) =>
  `case when ${mine}.starts_at >= ${other}.starts_at then 'startsAt' else 'endsAt' end`;

const SOURCE = `
  batch as (select id, district_ids from roster.import_batch where id = ?),
  staged as (
    select i.row,
      i.data->>'id' as duty_ref_id,
      i.data->>'personnelId' as personnel_ref_id,
      i.data->>'serviceNumber' as personnel_ref_code,
      coalesce(p1.id, p2.id) as personnel_id,
      coalesce(p1.deactivated_at, p2.deactivated_at) is not null as personnel_inactive,
      i.data->>'postId' as post_ref_id,
      i.data->>'postCode' as post_ref_code,
      coalesce(s1.id, s2.id) as post_id,
      i.data->>'role' as role,
      (i.data->>'startsAt')::timestamptz as starts_at,
      (i.data->>'endsAt')::timestamptz as ends_at,
      i.data->>'phase' as phase,
      i.data->>'status' as status
    from batch
    join pg_temp.import_staged i on i.batch_id = batch.id
    left join roster.personnel p1 on p1.id = (i.data->>'personnelId')::uuid and ${mayPost('p1')}
    left join roster.personnel p2 on p2.service_number = i.data->>'serviceNumber' and ${mayPost('p2')}
    left join roster.post s1 on s1.id = (i.data->>'postId')::uuid
      and ${batchMayReach(inBatchDistricts('s1.district_id'))}
    left join roster.post s2 on s2.code = i.data->>'postCode'
      and ${batchMayReach(inBatchDistricts('s2.district_id'))}
  ),
  -- The duty a row names itself: by id, else by person and window.
  named as (
    select st.*, by_id.id as id_found, by_id.status as id_status, by_id.personnel_id as id_personnel_id,
      case when st.duty_ref_id is null then by_window.id
           when by_id.status <> 'cancelled' and by_id.personnel_id = st.personnel_id then by_id.id end as named_id
    from staged st cross join batch
    left join roster.duty_assignment by_id on by_id.id = (st.duty_ref_id)::uuid and ${mayChangeDuty('by_id')}
    left join roster.duty_assignment by_window on st.duty_ref_id is null and by_window.personnel_id = st.personnel_id
      and by_window.starts_at = st.starts_at and by_window.ends_at = st.ends_at and by_window.status <> 'cancelled'
      and ${mayChangeDuty('by_window')}
  ),
  -- Person, post and phase, for a row that names no duty: the person's one live duty with them (posted where the
  -- post is). The lateral reads the person's few duties by index; OFFSET 0 keeps the planner from also asking the
  -- post's index, which holds every duty at a busy post.
  resembling as (
    select n.*, alike.id as alike_id
    from named n
    left join lateral (
      select (array_agg(d.id))[1] as id
      from (select d.id, d.post_id, d.phase from roster.duty_assignment d
            where d.personnel_id = n.personnel_id and d.status <> 'cancelled' offset 0) d
      where n.duty_ref_id is null and n.named_id is null and d.post_id = n.post_id and d.phase = n.phase
      having count(*) = 1
    ) alike on true
  ),
  -- ... taken only if no other row names or resembles it. A window count and a hashed NOT IN rather than joins
  -- between these CTEs: they carry no statistics, and the nested loops the planner chose took minutes on 20,000 rows.
  src as (
    select r.*, coalesce(r.named_id, case
      when count(*) over (partition by r.alike_id) = 1
       and r.alike_id not in (select named_id from named where named_id is not null) then r.alike_id end) as duty_id
    from resembling r
  )`;

/** The field that names the row's person, as the file gives them. */
const PERSON_FIELD = `case when personnel_ref_id is not null then 'personnelId' else 'serviceNumber' end`;
const PERSON_REF = `coalesce(personnel_ref_id, personnel_ref_code)`;

/** Every problem of the set as (row, field, message): references, overlaps in the file and with other duties. */
const PROBLEMS = `
    select row, ${PERSON_FIELD} as field,
      case when personnel_ref_id is not null then 'no personnel with id ' || personnel_ref_id
           else 'no personnel with service number ' || personnel_ref_code end as message
    from src where personnel_id is null
    union all
    select row,
      case when post_ref_id is not null then 'postId' else 'postCode' end,
      case when post_ref_id is not null then 'no post with id ' || post_ref_id else 'no post with code ' || post_ref_code end
    from src where post_id is null
    union all
    select row, 'id', 'no assignment with id ' || duty_ref_id from src where duty_ref_id is not null and id_found is null
    union all
    select row, 'id', 'assignment ' || duty_ref_id || ' is cancelled and cannot be changed'
    from src where id_status = 'cancelled'
    union all
    select row, ${PERSON_FIELD}, 'assignment ' || duty_ref_id || ' is the duty of another person'
    from src where id_status <> 'cancelled' and personnel_id is not null and id_personnel_id <> personnel_id
    union all
    select row, case when duty_ref_id is not null then 'id' else 'startsAt' end,
      'this row changes the same assignment as row ' || first_row
    from (select row, duty_ref_id, min(row) over (partition by named_id) as first_row from src where named_id is not null) s
    where row > first_row
    union all
    -- Any row that would leave them a duty still to come; their past duties stay as they were.
    select row, ${PERSON_FIELD}, 'personnel ' || ${PERSON_REF} || ' is deactivated and cannot be given duties'
    from src where personnel_inactive and ends_at > now()
    union all
    select b.row, ${overlapField('b', 'a')}, 'this duty overlaps the duty on row ' || a.row || ' for the same person'
    from src a join src b on a.personnel_id = b.personnel_id and a.row < b.row
      and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
    union all
    (select distinct on (s.row) s.row, ${overlapField('s', 'd')},
      case when ${mayChangeDuty('d')} then
        'overlaps assignment ' || d.id || ' at ' || p.code || ' from ' ||
        to_char(d.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') || ' to ' ||
        to_char(d.ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"')
      else '${OVERLAPS_ELSEWHERE}' end
    from src s cross join batch
    join roster.duty_assignment d on d.personnel_id = s.personnel_id and d.status <> 'cancelled'
      and tstzrange(d.starts_at, d.ends_at, '[)') && tstzrange(s.starts_at, s.ends_at, '[)')
    join roster.post p on p.id = d.post_id
    -- A duty some row of the file updates is where that row puts it, which the check above compares.
    where d.id not in (select duty_id from src where duty_id is not null)
    order by s.row, d.starts_at)`;

export const ASSIGNMENT_CHECKS = `
  with ${SOURCE}
  insert into roster.import_error (batch_id, row, field, message)
  select ?, row, field, message from (${PROBLEMS}) problems`;

const CHANGEABLE = '(d.post_id, d.role, d.starts_at, d.ends_at, d.phase, d.status)';

/** Checks and upsert in one statement, as PERSONNEL_APPLY: nothing is written when the checks record a problem. */
export const ASSIGNMENT_APPLY = `
  with ${SOURCE},
  problems as (
    insert into roster.import_error (batch_id, row, field, message)
    select ?, row, field, message from (${PROBLEMS}) p
    returning 1
  ),
  matched as (
    update roster.duty_assignment d set post_id = s.post_id, role = s.role, starts_at = s.starts_at,
      ends_at = s.ends_at, phase = s.phase, status = coalesce(s.status, d.status), updated_at = now()
    from src s, batch
    where d.id = s.duty_id and not exists (select 1 from problems) and d.status <> 'cancelled'
      -- Checked again on the row as it is now, as in the checks: a duty posted elsewhere meanwhile is not moved.
      and ${mayChangeDuty('d')}
      and ${CHANGEABLE} is distinct from (s.post_id, s.role, s.starts_at, s.ends_at, s.phase, coalesce(s.status, d.status))
    returning d.*, false as inserted
  ),
  created as (
    insert into roster.duty_assignment as d (id, personnel_id, post_id, role, starts_at, ends_at, phase, status)
    select roster.uuid_v7(), s.personnel_id, s.post_id, s.role, s.starts_at, s.ends_at, s.phase,
           coalesce(s.status, 'planned')
    from src s
    where s.duty_id is null and not exists (select 1 from problems)
    order by s.row
    -- Only a duty someone else created meanwhile with this person and window: updated as if matched.
    on conflict (personnel_id, starts_at, ends_at) where status <> 'cancelled' do update set
      post_id = excluded.post_id, role = excluded.role, phase = excluded.phase, status = excluded.status,
      updated_at = now()
    where (select ${mayChangeDuty('d')} from batch)
      and ${CHANGEABLE} is distinct from
          (excluded.post_id, excluded.role, excluded.starts_at, excluded.ends_at, excluded.phase, excluded.status)
    returning *, (xmax = 0) as inserted
  ),
  applied as (select * from matched union all select * from created),
  -- Every part of one statement sees the rows as they were before it: this is each changed duty's before-image.
  previous as (
    select cur.* from roster.duty_assignment cur where cur.id in (select duty_id from src)
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
