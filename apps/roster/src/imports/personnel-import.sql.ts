import { alreadyUsed } from '../shared/records';
import { batchMayReach, inBatchDistricts, servingIn } from '../shared/scope.sql';
import { PERSONNEL_SUBJECT, outboxInsert, personnelPayload } from './import-events.sql';

/** The batch's officer may change this person: they serve in one of the officer's districts. */
const mayChange = (person: string) => batchMayReach(servingIn(person, inBatchDistricts));

/**
 * Set-based checks and upsert of a staged personnel import. `src` resolves references by id or code (units only
 * within the batch's districts) and, where the file has no column for an optional field, keeps the person's
 * current value. A person is matched by service number only if the batch's officer may change them.
 */
const SOURCE = `
  batch as (select id, district_ids from roster.import_batch where id = ?),
  src as (
    select i.row,
      i.data->>'serviceNumber' as service_number,
      i.data->>'name' as name,
      i.data->>'rank' as rank,
      i.data->>'unitId' as unit_ref_id,
      i.data->>'unitCode' as unit_ref_code,
      coalesce(u1.id, u2.id) as unit_id,
      i.data->>'homeDistrictId' as district_ref_id,
      i.data->>'homeDistrictCode' as district_ref_code,
      coalesce(d1.id, d2.id) as home_district_id,
      i.data->>'cnic' as cnic,
      i.data->>'phone' as phone,
      i.data->>'gender' as gender,
      case when i.data->'dietaryNeeds' is null then coalesce(cur.dietary_needs, '{}')
           else array(select jsonb_array_elements_text(i.data->'dietaryNeeds')) end as dietary_needs,
      i.data->>'travelMode' as travel_mode,
      coalesce(i.data->>'language', cur.language, 'en') as language,
      cur.id is not null and not ${mayChange('cur')} as taken_elsewhere
    from batch
    join pg_temp.import_staged i on i.batch_id = batch.id
    left join roster.unit u1 on u1.id = (i.data->>'unitId')::uuid
      and ${batchMayReach(inBatchDistricts('u1.district_id'))}
    left join roster.unit u2 on u2.code = i.data->>'unitCode'
      and ${batchMayReach(inBatchDistricts('u2.district_id'))}
    left join roster.district d1 on d1.id = (i.data->>'homeDistrictId')::uuid
    left join roster.district d2 on d2.code = i.data->>'homeDistrictCode'
    left join roster.personnel cur on cur.service_number = i.data->>'serviceNumber'
  )`;

/**
 * A service number held by someone the officer may not change. Numbers are unique across all districts, so refusing
 * the row tells that the number is taken, as POST /personnel does with a 409; the row error says exactly what that
 * 409 says (alreadyUsed), so the import tells nothing more: not whose the number is, nor where they serve.
 */
const SERVICE_NUMBER_TAKEN = alreadyUsed('serviceNumber');

/** A CNIC held by someone outside the officer's districts is named as nobody in particular. */
const CNIC_TAKEN = 'cnic is already registered to another person';

/** Every problem of the set as (row, field, message): references, duplicates in the file, CNICs taken. */
const PROBLEMS = `
    select row,
      case when unit_ref_id is not null then 'unitId' else 'unitCode' end as field,
      case when unit_ref_id is not null then 'no unit with id ' || unit_ref_id else 'no unit with code ' || unit_ref_code end as message
    from src where unit_id is null
    union all
    select row,
      case when district_ref_id is not null then 'homeDistrictId' else 'homeDistrictCode' end,
      case when district_ref_id is not null then 'no district with id ' || district_ref_id
           else 'no district with code ' || district_ref_code end
    from src where home_district_id is null
    union all
    select row, 'serviceNumber', 'serviceNumber ' || service_number || ' appears again (first on row ' || first_row || ')'
    from (select row, service_number, min(row) over (partition by service_number) as first_row from src) s
    where row > first_row
    union all
    select row, 'cnic', 'cnic appears again (first on row ' || first_row || ')'
    from (select row, min(row) over (partition by cnic) as first_row from src) s
    where row > first_row
    union all
    select row, 'serviceNumber', '${SERVICE_NUMBER_TAKEN}' from src where taken_elsewhere
    union all
    select s.row, 'cnic',
      case when ${mayChange('p')} then 'cnic is already registered to ' || p.service_number else '${CNIC_TAKEN}' end
    from src s cross join batch
    join roster.personnel p on p.cnic = s.cnic and p.service_number <> s.service_number`;

export const PERSONNEL_CHECKS = `
  with ${SOURCE}
  insert into roster.import_error (batch_id, row, field, message)
  select ?, row, field, message from (${PROBLEMS}) problems`;

/**
 * Checks and upsert in one statement, sharing one pass over the staged rows: the upsert writes nothing when the
 * checks record a problem (the caller then reports import_error and rolls back).
 */
export const PERSONNEL_APPLY = `
  with ${SOURCE},
  problems as (
    insert into roster.import_error (batch_id, row, field, message)
    select ?, row, field, message from (${PROBLEMS}) p
    returning 1
  ),
  applied as (
    insert into roster.personnel as p (id, service_number, name, rank, unit_id, home_district_id, cnic, phone, gender,
                                       dietary_needs, travel_mode, language)
    select roster.uuid_v7(), service_number, name, rank, unit_id, home_district_id, cnic, phone, gender,
           dietary_needs, travel_mode, language
    from src
    where not exists (select 1 from problems)
    order by row
    on conflict (service_number) do update set
      name = excluded.name, rank = excluded.rank, unit_id = excluded.unit_id,
      home_district_id = excluded.home_district_id, cnic = excluded.cnic, phone = excluded.phone,
      gender = excluded.gender, dietary_needs = excluded.dietary_needs, travel_mode = excluded.travel_mode,
      language = excluded.language, updated_at = now()
    -- Checked again on the row as it is now: someone registered meanwhile in another district is not taken over.
    where (select ${mayChange('p')} from batch)
      and (p.name, p.rank, p.unit_id, p.home_district_id, p.cnic, p.phone, p.gender, p.dietary_needs, p.travel_mode, p.language)
      is distinct from
      (excluded.name, excluded.rank, excluded.unit_id, excluded.home_district_id, excluded.cnic, excluded.phone,
       excluded.gender, excluded.dietary_needs, excluded.travel_mode, excluded.language)
    returning *, (xmax = 0) as inserted
  ),
  events as (${outboxInsert('applied r', PERSONNEL_SUBJECT, personnelPayload('r'))})
  select count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated,
    (select count(*)::int from problems) as problems
  from applied`;
