// Synthetic data at scale, written straight into the roster schema after the roster has migrated it. Each
// statement spreads its rows round-robin over the rows it references (`i % count`), so nothing is random and
// every run seeds the same data.
import { RosterEvents } from '@rasad/contracts';
import { outboxInsert } from '../apps/roster/src/imports/import-events.sql';

const FIRST_NAMES = ['Muhammad', 'Ali', 'Asad', 'Bilal', 'Imran', 'Kamran', 'Nadeem', 'Sajid', 'Tariq', 'Zahid'];
const LAST_NAMES = ['Khan', 'Abbasi', 'Awan', 'Qureshi', 'Tanoli', 'Jadoon', 'Mughal', 'Raja', 'Shah', 'Yousafzai'];
const RANKS = ['constable', 'constable', 'constable', 'head_constable', 'asi', 'si', 'elite_constable', 'fc_sepoy'];
const FORCES = ['police', 'elite_force', 'frontier_corps', 'rangers', 'army', 'volunteers'];
const OTHER_POST_KINDS = ['checkpoint', 'strong_room', 'qrf_post', 'control_room', 'dro_office'];

const textArray = (values: string[]) => `array[${values.map((v) => `'${v}'`).join(', ')}]`;

/** `$1` districts. */
export const SEED_DISTRICTS = `
  insert into roster.district (code, name, province)
  select 'BD' || lpad(d::text, 3, '0'), 'Bench District ' || d, 'Khyber Pakhtunkhwa'
  from generate_series(1, $1::int) d`;

/** `$1` tehsils per district. */
export const SEED_TEHSILS = `
  insert into roster.tehsil (district_id, code, name)
  select d.id, d.code || '-T' || t, d.name || ' Tehsil ' || t
  from roster.district d, generate_series(1, $1::int) t`;

/** `$1` police stations per tehsil. */
export const SEED_POLICE_STATIONS = `
  insert into roster.police_station (district_id, tehsil_id, code, name)
  select t.district_id, t.id, t.code || '-PS' || lpad(s::text, 2, '0'), t.name || ' Police Station ' || s
  from roster.tehsil t, generate_series(1, $1::int) s`;

/** One unit of each force per district. */
export const SEED_UNITS = `
  insert into roster.unit (district_id, code, name, force)
  select d.id, d.code || '-' || upper(f), d.name || ' ' || f, f
  from roster.district d, unnest(${textArray(FORCES)}) f`;

/** `$1` posts: eight in ten are polling stations (which alone carry an ECP category). */
export const SEED_POSTS = `
  with ps as (select id, district_id, tehsil_id, row_number() over (order by code) - 1 as n from roster.police_station),
  numbered as (
    select i, case when i % 10 < 8 then 'polling_station' else (${textArray(OTHER_POST_KINDS)})[i % 5 + 1] end as kind
    from generate_series(1, $1::int) i
  )
  insert into roster.post (code, name, kind, category, district_id, tehsil_id, police_station_id, latitude, longitude, remote)
  select 'BP-' || lpad(i::text, 6, '0'), 'Bench post ' || i, kind,
    case when kind = 'polling_station' then (array['A', 'B', 'C'])[i % 3 + 1] end,
    ps.district_id, ps.tehsil_id, ps.id, 33.5 + (i % 1000) / 1000.0, 72.5 + (i % 997) / 1000.0, i % 17 = 0
  from numbered join ps on ps.n = i % (select count(*) from roster.police_station)`;

/** `$1` people with service numbers BSN-000001… and CNICs 35202-0000001-… (imports use other ranges). */
export const SEED_PERSONNEL = `
  with u as (select id, row_number() over (order by code) - 1 as n from roster.unit),
  d as (select id, row_number() over (order by code) - 1 as n from roster.district)
  insert into roster.personnel (service_number, name, rank, unit_id, home_district_id, cnic, phone, gender,
                                dietary_needs, travel_mode, language)
  select 'BSN-' || lpad(i::text, 6, '0'),
    (${textArray(FIRST_NAMES)})[i % 10 + 1] || ' ' || (${textArray(LAST_NAMES)})[(i / 10) % 10 + 1],
    (${textArray(RANKS)})[i % 8 + 1], u.id, d.id,
    '35202-' || lpad(i::text, 7, '0') || '-' || (i % 10), '+923' || lpad(i::text, 9, '0'),
    case when i % 12 = 0 then 'female' else 'male' end,
    case i % 20 when 0 then '{diabetic}' when 1 then '{vegetarian}' else '{}' end::text[],
    case when i % 4 = 0 then 'self' else 'provided' end,
    case when i % 3 = 0 then 'ur' else 'en' end
  from generate_series(1, $1::int) i
  join u on u.n = i % (select count(*) from roster.unit)
  join d on d.n = (i / 7) % (select count(*) from roster.district)`;

/** One poll-day duty per person, so none overlap. */
export const SEED_DUTIES = `
  with p as (select id, row_number() over (order by service_number) as i from roster.personnel),
  s as (select id, row_number() over (order by code) - 1 as n from roster.post)
  insert into roster.duty_assignment (personnel_id, post_id, role, starts_at, ends_at, phase, status)
  select p.id, s.id, (array['guard', 'guard', 'guard', 'in_charge', 'qrf', 'driver', 'reserve'])[p.i % 7 + 1],
    timestamptz '2027-02-08 06:00+05' + interval '1 hour' * (p.i % 4),
    timestamptz '2027-02-08 20:00+05' + interval '1 hour' * (p.i % 4),
    'poll_day', case when p.i % 5 = 0 then 'confirmed' else 'planned' end
  from p join s on s.n = p.i % (select count(*) from roster.post)`;

/** The payloads of districtEvent() and postEvent() in the roster, as SQL over a row `r`. */
const DISTRICT_PAYLOAD = `jsonb_build_object('id', r.id, 'code', r.code, 'name', r.name, 'province', r.province)`;
const POST_PAYLOAD = `jsonb_build_object(
  'id', r.id, 'code', r.code, 'name', r.name, 'kind', r.kind, 'category', r.category, 'districtId', r.district_id,
  'tehsilId', r.tehsil_id, 'policeStationId', r.police_station_id, 'latitude', r.latitude, 'longitude', r.longitude,
  'remote', r.remote)`;

/** outboxInsert() leaves the correlation id and trace context as knex bindings: a seed has neither. */
function seedOutboxInsert(rows: string, subject: string, payload: string): string {
  return outboxInsert(rows, `'${subject}'`, payload).replaceAll('?::text', 'null::text');
}

/**
 * The events the roster would have written for the seeded districts and posts, had they been created through its
 * API: the seed writes no events of its own, so without these the consumers would never hear of the posts that
 * imported duties name. Built by the roster's own outbox statement (the set-based imports'), so each envelope is
 * the one its relay publishes; the relay picks them up as soon as they commit. Districts first: the relay
 * publishes in outbox order. (Seeded people and duties get none: the API read needs no consumer to know them.)
 */
export const SEED_REFERENCE_EVENTS = [
  seedOutboxInsert('roster.district r', RosterEvents.districtCreated, DISTRICT_PAYLOAD),
  seedOutboxInsert('roster.post r', RosterEvents.postCreated, POST_PAYLOAD),
];
