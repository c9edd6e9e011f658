// The roster the readiness bench feeds its read model: districts of equal size, published as the roster's relay would,
// and, past what the event path can feed in a few minutes, copies of the first district written straight into
// readiness's tables (docs/benchmarks.md, section "Readiness").
import { createHash } from 'node:crypto';
import { EVENT_STREAM, EventEnvelope, EventSubject, RosterEvents } from '@rasad/contracts';
import { ensureEventStream } from '@rasad/messaging';
import { NatsConnection } from 'nats';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';

export interface ReadinessScale {
  duties: number;
  posts: number;
  districts: number;
}

/** Duties fed through the event path at most (the full run's size); districts past them are copied by SQL. */
export const EVENT_DUTIES = 100_000;

const TEHSILS_PER_DISTRICT = 5;
const STATIONS_PER_TEHSIL = 10;
/** Units serve across districts (Elite Force, Frontier Corps companies), as one national list. */
const UNITS = 50;

export interface RosterPlan {
  districtIds: string[];
  dutiesPerDistrict: number;
  postsPerDistrict: number;
  /** The first districts, fed as events; the rest are copies of the first. */
  eventDistricts: number;
}

/** The id a copy of the first district's `id` has in copy `k`, as `copyDistricts` computes it in SQL. */
function copiedId(id: string, k: number): string {
  const hex = createHash('md5').update(`${id}:${k}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function planRoster({ duties, posts, districts }: ReadinessScale): RosterPlan {
  const dutiesPerDistrict = Math.round(duties / districts);
  const eventDistricts = Math.min(districts, Math.ceil(EVENT_DUTIES / dutiesPerDistrict));
  const fed = Array.from({ length: eventDistricts }, () => uuidv7());
  const copies = Array.from({ length: districts - eventDistricts }, (_, i) => copiedId(fed[0], eventDistricts + i));
  return {
    districtIds: [...fed, ...copies],
    dutiesPerDistrict,
    postsPerDistrict: Math.max(1, Math.round(posts / districts)),
    eventDistricts,
  };
}

/** A roster event as its outbox relay publishes it (also the consumer bench's). */
export function envelope(type: EventSubject, aggregateId: string, payload: unknown): EventEnvelope {
  return {
    id: uuidv7(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    producer: 'roster',
    correlationId: null,
    aggregateId,
    payload,
  };
}

/**
 * The event-fed districts: each with its tehsils, police stations and posts, a person per duty (one in five from
 * another district, one in three travelling on their own, one in seven diabetic) and the duty, in two shifts three
 * days ahead. Posts first, then people, then duties, as an import would publish them.
 */
export function rosterEvents(plan: RosterPlan): EventEnvelope[] {
  const units = Array.from({ length: UNITS }, () => uuidv7());
  const day = new Date(Date.now() + 3 * 24 * 3600_000).toISOString().slice(0, 10);
  const shifts = [
    [`${day}T06:00:00+05:00`, `${day}T14:00:00+05:00`],
    [`${day}T14:00:00+05:00`, `${day}T22:00:00+05:00`],
  ].map(([startsAt, endsAt]) => [new Date(startsAt).toISOString(), new Date(endsAt).toISOString()]);
  const posts: EventEnvelope[] = [];
  const people: EventEnvelope[] = [];
  const assignments: EventEnvelope[] = [];
  for (const [d, districtId] of plan.districtIds.slice(0, plan.eventDistricts).entries()) {
    const tehsils = Array.from({ length: TEHSILS_PER_DISTRICT }, () => uuidv7());
    const stations = Array.from({ length: TEHSILS_PER_DISTRICT * STATIONS_PER_TEHSIL }, (_, i) => ({
      id: uuidv7(),
      tehsilId: tehsils[i % TEHSILS_PER_DISTRICT],
    }));
    const postIds = Array.from({ length: plan.postsPerDistrict }, () => uuidv7());
    for (const [i, id] of postIds.entries()) {
      const station = stations[i % stations.length];
      posts.push(
        envelope(RosterEvents.postCreated, id, {
          id,
          code: `BR-${d}-${i}`,
          name: `Polling station ${i}`,
          kind: 'polling_station',
          category: 'B',
          districtId,
          tehsilId: station.tehsilId,
          policeStationId: station.id,
          latitude: null,
          longitude: null,
          remote: false,
        }),
      );
    }
    for (let i = 0; i < plan.dutiesPerDistrict; i++) {
      const personnelId = uuidv7();
      people.push(
        envelope(RosterEvents.personnelRegistered, personnelId, {
          id: personnelId,
          serviceNumber: `BR-${d}-${i}`,
          name: `Officer ${i}`,
          rank: 'constable',
          unitId: units[i % units.length],
          homeDistrictId: i % 5 === 0 ? uuidv7() : districtId,
          phone: '+923001234567',
          gender: 'male',
          dietaryNeeds: i % 7 === 0 ? ['diabetic'] : [],
          travelMode: i % 3 === 0 ? 'self' : 'provided',
          language: 'en',
          active: true,
          deactivatedAt: null,
          deactivationReason: null,
        }),
      );
      const dutyId = uuidv7();
      const [startsAt, endsAt] = shifts[i % shifts.length];
      assignments.push(
        envelope(RosterEvents.assignmentCreated, dutyId, {
          id: dutyId,
          personnelId,
          postId: postIds[i % postIds.length],
          role: 'guard',
          phase: 'poll_day',
          startsAt,
          endsAt,
          status: 'planned',
        }),
      );
    }
  }
  return [...posts, ...people, ...assignments];
}

export async function publish(nc: NatsConnection, events: EventEnvelope[]): Promise<void> {
  const jsm = await nc.jetstreamManager();
  await ensureEventStream(jsm);
  const js = nc.jetstream();
  for (let i = 0; i < events.length; i += 1000) {
    await Promise.all(events.slice(i, i + 1000).map((e) => js.publish(e.type, JSON.stringify(e), { msgID: e.id })));
  }
  const info = await jsm.streams.info(EVENT_STREAM);
  if (info.state.messages !== events.length) {
    throw new Error(`the stream holds ${info.state.messages} of ${events.length} events`);
  }
}

/**
 * The districts past the event-fed ones, as copies of the first district's rows in readiness's own tables (posts,
 * people, duties, verdicts and their history): the service judged the original by the rules, and every id a verdict
 * depends on maps the same way (`md5(id || copy)`), so a copy's verdicts are what the rules would give it (a person
 * from the district stays from the district, one from elsewhere stays from elsewhere). Units are national and stay.
 */
export async function copyDistricts(pool: Pool, plan: RosterPlan): Promise<number> {
  const copies = plan.districtIds.slice(plan.eventDistricts);
  if (copies.length === 0) {
    return 0;
  }
  const template = plan.districtIds[0];
  // Copy k's district is md5(template || ':' || k), as planRoster named it.
  const ids = copies.map((_, i) => String(plan.eventDistricts + i));
  const map = (column: string) => `md5(${column}::text || ':' || k)::uuid`;
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`create temporary table copy_number (k text) on commit drop`);
    await client.query('insert into copy_number select unnest($1::text[])', [ids]);
    await client.query(
      `insert into readiness.post (id, code, name, kind, category, district_id, tehsil_id, police_station_id, latitude,
         longitude, remote, event_id)
       select ${map('id')}, code || '-' || k, name, kind, category, ${map('district_id')}, ${map('tehsil_id')},
              ${map('police_station_id')}, latitude, longitude, remote, null
       from readiness.post cross join copy_number where district_id = $1`,
      [template],
    );
    await client.query(
      `insert into readiness.personnel (id, service_number, name, rank, unit_id, home_district_id, language,
         dietary_needs, travel_mode, event_id)
       select ${map('p.id')}, p.service_number || '-' || k, p.name, p.rank, p.unit_id, ${map('p.home_district_id')},
              p.language, p.dietary_needs, p.travel_mode, null
       from readiness.personnel p cross join copy_number
       where p.id in (select personnel_id from readiness.verdict where district_id = $1)`,
      [template],
    );
    await client.query(
      `insert into readiness.duty (id, personnel_id, post_id, role, phase, status, starts_at, ends_at, event_id)
       select ${map('d.id')}, ${map('d.personnel_id')}, ${map('d.post_id')}, d.role, d.phase, d.status, d.starts_at,
              d.ends_at, null
       from readiness.duty d cross join copy_number
       where d.post_id in (select id from readiness.post where district_id = $1)`,
      [template],
    );
    const verdictColumns = (table: string, last: string) => `
      insert into readiness.${table} (assignment_id, personnel_id, district_id, tehsil_id, police_station_id, post_id,
        unit_id, phase, starts_at, ends_at, briefed, transported, lodged, fed, missing, ${last})
      select ${map('assignment_id')}, ${map('personnel_id')}, ${map('district_id')}, ${map('tehsil_id')},
             ${map('police_station_id')}, ${map('post_id')}, unit_id, phase, starts_at, ends_at, briefed, transported,
             lodged, fed, missing, ${last}
      from readiness.${table} cross join copy_number where district_id = $1`;
    await client.query(verdictColumns('verdict', 'since'), [template]);
    await client.query(verdictColumns('verdict_history', 'valid'), [template]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  const { rows } = await pool.query<{ n: number }>(
    'select count(*)::int as n from readiness.verdict where district_id = any($1::uuid[])',
    [copies],
  );
  return rows[0].n;
}
