import { RosterEvents } from '@rasad/contracts';

/**
 * Events of a set-based import, built by the same statement that writes the rows: one per created or changed
 * record, in the outbox, in the import's transaction. The payloads must match personnelEvent() and
 * assignmentEvent(); the roster-events e2e test compares an imported record's event with the API's view of it.
 */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const personnelPayload = (p: string) => `jsonb_build_object(
  'id', ${p}.id, 'serviceNumber', ${p}.service_number, 'name', ${p}.name, 'rank', ${p}.rank, 'unitId', ${p}.unit_id,
  'homeDistrictId', ${p}.home_district_id, 'phone', ${p}.phone, 'gender', ${p}.gender,
  'dietaryNeeds', to_jsonb(${p}.dietary_needs), 'travelMode', ${p}.travel_mode, 'language', ${p}.language,
  'active', ${p}.deactivated_at is null, 'deactivatedAt', ${iso(`${p}.deactivated_at`)},
  'deactivationReason', ${p}.deactivation_reason)`;

export const assignmentPayload = (a: string) => `jsonb_build_object(
  'id', ${a}.id, 'personnelId', ${a}.personnel_id, 'postId', ${a}.post_id, 'role', ${a}.role,
  'startsAt', ${iso(`${a}.starts_at`)}, 'endsAt', ${iso(`${a}.ends_at`)}, 'phase', ${a}.phase, 'status', ${a}.status)`;

/**
 * An outbox insert from `rows` (alias r) with `subject` and `payload` SQL; the two `?` are the correlation id and the
 * trace context (`traceparent`, null when tracing is off). The lateral refers to r so that PostgreSQL makes a new
 * event id per row rather than one for the whole statement; the time, the transaction's, is formatted once (a
 * subquery) rather than per row.
 */
export function outboxInsert(rows: string, subject: string, payload: string): string {
  return `insert into roster.outbox (id, subject, aggregate_id, envelope, trace_context)
    select e.id, e.subject, r.id::text, jsonb_build_object(
      'id', e.id, 'type', e.subject, 'version', 1, 'occurredAt', (select ${iso('now()')}), 'producer', 'roster',
      'correlationId', ?::text, 'aggregateId', r.id, 'payload', ${payload}), ?::text
    from ${rows} cross join lateral (select roster.uuid_v7() as id, ${subject} as subject where r.id is not null) e`;
}

export const PERSONNEL_SUBJECT = `case when r.inserted then '${RosterEvents.personnelRegistered}'
  else '${RosterEvents.personnelUpdated}' end`;

export const ASSIGNMENT_SUBJECT = `case when r.inserted then '${RosterEvents.assignmentCreated}'
  else '${RosterEvents.assignmentChanged}' end`;
