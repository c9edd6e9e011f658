import { RosterProjectionOptions } from './roster-projection.options';

interface Column {
  name: string;
  type: string;
  /** The payload field it is kept from (the recordset's column). */
  field: string;
}

const PERSONNEL: Column[] = [
  { name: 'service_number', type: 'text', field: 'serviceNumber' },
  { name: 'name', type: 'text', field: 'name' },
  { name: 'rank', type: 'text', field: 'rank' },
  { name: 'unit_id', type: 'uuid', field: 'unitId' },
  { name: 'home_district_id', type: 'uuid', field: 'homeDistrictId' },
  { name: 'language', type: 'text', field: 'language' },
];
const PHONE: Column = { name: 'phone', type: 'text', field: 'phone' };
const DIETARY_NEEDS: Column = { name: 'dietary_needs', type: 'text[]', field: 'dietaryNeeds' };
const GENDER: Column = { name: 'gender', type: 'text', field: 'gender' };
const POST: Column[] = [
  { name: 'code', type: 'text', field: 'code' },
  { name: 'name', type: 'text', field: 'name' },
  { name: 'kind', type: 'text', field: 'kind' },
  { name: 'category', type: 'text', field: 'category' },
  { name: 'district_id', type: 'uuid', field: 'districtId' },
  { name: 'tehsil_id', type: 'uuid', field: 'tehsilId' },
  { name: 'police_station_id', type: 'uuid', field: 'policeStationId' },
];
const POST_PLACE: Column[] = [
  { name: 'latitude', type: 'double precision', field: 'latitude' },
  { name: 'longitude', type: 'double precision', field: 'longitude' },
  { name: 'remote', type: 'boolean', field: 'remote' },
];
const DUTY: Column[] = [
  { name: 'personnel_id', type: 'uuid', field: 'personnelId' },
  { name: 'post_id', type: 'uuid', field: 'postId' },
  { name: 'role', type: 'text', field: 'role' },
  { name: 'phase', type: 'text', field: 'phase' },
  { name: 'status', type: 'text', field: 'status' },
  { name: 'starts_at', type: 'timestamptz', field: 'startsAt' },
  { name: 'ends_at', type: 'timestamptz', field: 'endsAt' },
];
const TRAVEL_MODE: Column = { name: 'travel_mode', type: 'text', field: 'travelMode' };
/** Nullable in the payload; every other column is always there. */
const OPTIONAL = new Set(['category', 'latitude', 'longitude']);

const personnelColumns = (options: Pick<RosterProjectionOptions, 'phones' | 'dietaryNeeds' | 'genders' | 'travel'>) => [
  ...PERSONNEL,
  ...(options.phones ? [PHONE] : []),
  ...(options.dietaryNeeds ? [DIETARY_NEEDS] : []),
  ...(options.genders ? [GENDER] : []),
  ...(options.travel ? [TRAVEL_MODE] : []),
];

/** Lodging's distances and transport's stops both need where a post is; the remote flag comes with it. */
const postColumns = (options: Pick<RosterProjectionOptions, 'postPlaces' | 'travel'>) =>
  options.postPlaces || options.travel ? [...POST, ...POST_PLACE] : POST;

/**
 * The tables a service opted into, in its schema: create them if missing, and add any column missing from a table it
 * already had (nullable then: its rows fill in with their record's next event), so one call serves a new service's
 * first migration and an older service moving onto the lib. Each row keeps `event_id`, the last event applied to it.
 * A migration calls this and never changes: a later change to the tables is a new function for a new migration.
 */
export function rosterProjectionSql(options: RosterProjectionOptions): string[] {
  const { schema, tables } = options;
  const table = (name: string, columns: Column[]) => [
    `create table if not exists ${schema}.${name} (
      id uuid primary key,
      ${columns.map((c) => `${c.name} ${c.type}${OPTIONAL.has(c.name) ? '' : ' not null'},`).join('\n      ')}
      event_id uuid,
      updated_at timestamptz not null default now()
    )`,
    ...[...columns, { name: 'event_id', type: 'uuid' }].map(
      (c) => `alter table ${schema}.${name} add column if not exists ${c.name} ${c.type}`,
    ),
  ];
  return [
    ...(tables.includes('personnel')
      ? [
          ...table('personnel', personnelColumns(options)),
          // A person named by the number on their card.
          `create index if not exists personnel_service_number_idx on ${schema}.personnel (service_number)`,
        ]
      : []),
    ...(tables.includes('post')
      ? [
          ...table('post', postColumns(options)),
          `create index if not exists post_district_idx on ${schema}.post (district_id)`,
        ]
      : []),
    ...(tables.includes('duty')
      ? [
          ...table('duty', DUTY),
          `create index if not exists duty_personnel_idx on ${schema}.duty (personnel_id)`,
          // Who serves where, and who is on duty when, look only at live duties.
          `create index if not exists duty_live_idx on ${schema}.duty (post_id, starts_at) where status <> 'cancelled'`,
        ]
      : []),
  ];
}

/**
 * One statement for a run: the latest event of each record in the run (ids are UUID v7), written unless the row
 * already holds a later one. `created` runs never overwrite: a duty already held has had later news.
 */
function upsertSql(schema: string, table: string, columns: Column[], mode: 'latest' | 'new'): string {
  const names = columns.map((c) => c.name);
  const recordset = [...columns.map((c) => `"${c.field}" ${c.type}`), '"eventId" uuid'].join(', ');
  const conflict =
    mode === 'new'
      ? 'do nothing'
      : `do update set ${names.map((n) => `${n} = excluded.${n}`).join(', ')},
           event_id = excluded.event_id, updated_at = now()
         where ${table}.event_id is null or ${table}.event_id < excluded.event_id`;
  return `insert into ${schema}.${table} as ${table} (id, ${names.join(', ')}, event_id, updated_at)
    select distinct on (r.id) r.id, ${columns.map((c) => `r."${c.field}"`).join(', ')}, r."eventId", now()
    from jsonb_to_recordset(?::jsonb) as r(id uuid, ${recordset})
    order by r.id, r."eventId" desc
    on conflict (id) ${conflict}`;
}

export const upsertPersonnelSql = (
  options: Pick<RosterProjectionOptions, 'schema' | 'phones' | 'dietaryNeeds' | 'genders' | 'travel'>,
) => upsertSql(options.schema, 'personnel', personnelColumns(options), 'latest');

export const upsertPostsSql = (schema: string, options: Pick<RosterProjectionOptions, 'postPlaces' | 'travel'> = {}) =>
  upsertSql(schema, 'post', postColumns(options), 'latest');

/** Writes a run of duties and answers what was held of them before it, for the hooks. */
export const upsertDutiesSql = (schema: string, mode: 'latest' | 'new') => `
  with held as (
    select d.id, d.status, d.event_id from ${schema}.duty d
    where d.id in (select (r->>'id')::uuid from jsonb_array_elements(?::jsonb) r)
  ), written as (${upsertSql(schema, 'duty', DUTY, mode)})
  select id, status, event_id from held`;
