/**
 * Upserts by id: events of one aggregate arrive in order, but a duty may arrive before its post or person, and a
 * replayed old event must not be refused. Each statement takes the event's payload as one JSON parameter.
 */
export const UPSERT_PERSONNEL = `
  insert into briefings.personnel (id, service_number, name, rank, unit_id, home_district_id, language, updated_at)
  select p.id, p."serviceNumber", p.name, p.rank, p."unitId", p."homeDistrictId", p.language, now()
  from jsonb_to_record(?::jsonb) as p(id uuid, "serviceNumber" text, name text, rank text, "unitId" uuid,
    "homeDistrictId" uuid, language text)
  on conflict (id) do update set service_number = excluded.service_number, name = excluded.name,
    rank = excluded.rank, unit_id = excluded.unit_id, home_district_id = excluded.home_district_id,
    language = excluded.language, updated_at = now()`;

export const UPSERT_POST = `
  insert into briefings.post (id, code, name, kind, category, district_id, tehsil_id, police_station_id, updated_at)
  select p.id, p.code, p.name, p.kind, p.category, p."districtId", p."tehsilId", p."policeStationId", now()
  from jsonb_to_record(?::jsonb) as p(id uuid, code text, name text, kind text, category text, "districtId" uuid,
    "tehsilId" uuid, "policeStationId" uuid)
  on conflict (id) do update set code = excluded.code, name = excluded.name, kind = excluded.kind,
    category = excluded.category, district_id = excluded.district_id, tehsil_id = excluded.tehsil_id,
    police_station_id = excluded.police_station_id, updated_at = now()`;

export const UPSERT_DUTY = `
  insert into briefings.duty (id, personnel_id, post_id, role, phase, status, starts_at, ends_at, updated_at)
  select d.id, d."personnelId", d."postId", d.role, d.phase, d.status, d."startsAt", d."endsAt", now()
  from jsonb_to_record(?::jsonb) as d(id uuid, "personnelId" uuid, "postId" uuid, role text, phase text,
    status text, "startsAt" timestamptz, "endsAt" timestamptz)
  on conflict (id) do update set personnel_id = excluded.personnel_id, post_id = excluded.post_id,
    role = excluded.role, phase = excluded.phase, status = excluded.status, starts_at = excluded.starts_at,
    ends_at = excluded.ends_at, updated_at = now()`;
