import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { pageRows } from '@rasad/common';
import {
  CallerScope,
  ListReadinessGapsQuery,
  ListReadinessPostsQuery,
  Page,
  ReadinessAssignmentView,
  ReadinessChecksTallyView,
  ReadinessColourName,
  ReadinessGapView,
  ReadinessPostView,
} from '@rasad/contracts';
import { readinessColourSql } from '@rasad/duty-assignments';
import { uuidArray, wordArray } from '@rasad/messaging';
import { MissingItem } from '../verdicts/verdict-rules';

/** The verdicts that stood at `at`: the current table for now, the history's rows valid then otherwise. */
function verdictsAt(at: Date | null): { sql: string; params: unknown[] } {
  const columns = `assignment_id, personnel_id, district_id, tehsil_id, police_station_id, post_id, unit_id, phase,
    starts_at, ends_at, briefed, transported, lodged, fed, missing, missing_count`;
  const colour = readinessColourSql({
    missingCount: 'missing_count',
    startsAt: 'starts_at',
    now: '?::timestamptz',
  });
  const when = (at ?? new Date()).toISOString();
  return at
    ? {
        sql: `select ${columns}, lower(valid) as since, ${colour} as colour
              from readiness.verdict_history where valid @> ?::timestamptz`,
        params: [when, when],
      }
    : { sql: `select ${columns}, since, ${colour} as colour from readiness.verdict`, params: [when] };
}

/** Counts per colour and per check of the rows grouped, as the select list of a roll-up. */
const TALLIES = `count(*)::int as assignments,
  count(*) filter (where colour = 'green')::int as green,
  count(*) filter (where colour = 'amber')::int as amber,
  count(*) filter (where colour = 'red')::int as red,
  count(*) filter (where briefed)::int as briefed,
  count(*) filter (where transported)::int as transported,
  count(*) filter (where lodged)::int as lodged,
  count(*) filter (where fed)::int as fed`;

export interface TallyRow {
  assignments: number;
  green: number;
  amber: number;
  red: number;
  briefed: number;
  transported: number;
  lodged: number;
  fed: number;
}

export interface RollupRow extends TallyRow {
  /** Which grouping the row is: `total`, `district`, `tehsil`, `police_station`, `unit`, `phase`. */
  grouping: string;
  district_id?: string | null;
  tehsil_id: string | null;
  police_station_id: string | null;
  unit_id: string | null;
  phase: string | null;
}

export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);

export function checksOf(row: TallyRow): ReadinessChecksTallyView {
  const tally = (ok: number) => ({ ok, missing: row.assignments - ok, percentOk: percent(ok, row.assignments) });
  return {
    briefed: tally(row.briefed),
    transported: tally(row.transported),
    lodged: tally(row.lodged),
    fed: tally(row.fed),
  };
}

const districtFilter = (column: string, scope: CallerScope, districtId: string | undefined) => ({
  sql: `(?::uuid[] is null or ${column} = any(?::uuid[])) and (?::uuid is null or ${column} = ?::uuid)`,
  params: [
    uuidArray(scope.districtIds ?? null),
    uuidArray(scope.districtIds ?? null),
    districtId ?? null,
    districtId ?? null,
  ],
});

const iso = (value: string | Date) => new Date(value).toISOString();
const words = (values: readonly string[] | undefined) => (values ? wordArray(values) : null);

interface GapRow {
  id: string;
  personnel_id: string;
  name: string | null;
  rank: string | null;
  service_number: string | null;
  post_id: string;
  code: string | null;
  post_name: string | null;
  starts_at: string;
  ends_at: string;
  colour: 'amber' | 'red';
  missing: MissingItem[];
}

interface PostRow extends TallyRow {
  id: string;
  code: string;
  name: string;
  district_id: string;
  tehsil_id: string;
  police_station_id: string;
  latitude: number | null;
  longitude: number | null;
  colour: ReadinessColourName;
}

interface AssignmentRow extends Omit<GapRow, 'id' | 'colour'> {
  assignment_id: string;
  district_id: string;
  tehsil_id: string;
  police_station_id: string;
  unit_id: string | null;
  phase: string;
  since: string;
  colour: ReadinessColourName;
  briefed: boolean;
  transported: boolean;
  lodged: boolean;
  fed: boolean;
}

/** The reports' SQL: every report reads the verdicts as they stood at its `at`, coloured for that time. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly em: EntityManager) {}

  /** Whether readiness knows a post in the district: the only districts it can report on. */
  async knowsDistrict(districtId: string): Promise<boolean> {
    const rows = await this.em.execute<{ known: boolean }[]>(
      'select exists (select 1 from readiness.post where district_id = ?) as known',
      [districtId],
    );
    return rows[0].known;
  }

  /** Every district in scope rolled up (an admin's: the nation), by district, unit and phase, in one GROUP BY. */
  scopeRollups(scope: CallerScope, at: Date | null): Promise<RollupRow[]> {
    const rows = verdictsAt(at);
    const district = districtFilter('district_id', scope, undefined);
    return this.em.execute<RollupRow[]>(
      `select case grouping(district_id, unit_id, phase)
                when 7 then 'total' when 3 then 'district' when 5 then 'unit' else 'phase' end as grouping,
              district_id, unit_id, phase, ${TALLIES}
       from (${rows.sql}) v where ${district.sql}
       group by grouping sets ((), (district_id), (unit_id), (phase))`,
      [...rows.params, ...district.params],
    );
  }

  /**
   * The district's totals and its roll-ups, and whether readiness knows the district at all (a post in it), in one
   * query. The verdicts are first counted per police station, unit, phase and colour, so each is coloured once, not
   * once per colour counted; the roll-ups then add those counts up (a third less of PostgreSQL's time than counting
   * each colour over the verdicts, docs/benchmarks.md).
   */
  async rollups(districtId: string, at: Date | null): Promise<{ known: boolean; rows: RollupRow[] }> {
    const rows = verdictsAt(at);
    const sum = (column: string, where = 'true') => `coalesce(sum(${column}) filter (where ${where}), 0)::int`;
    const result = await this.em.execute<(RollupRow & { known: boolean })[]>(
      `select case grouping(tehsil_id, police_station_id, unit_id, phase)
                when 15 then 'total' when 3 then 'police_station' when 7 then 'tehsil' when 13 then 'unit'
                else 'phase' end as grouping,
              tehsil_id, police_station_id, unit_id, phase, ${sum('assignments')} as assignments,
              ${sum('assignments', `colour = 'green'`)} as green, ${sum('assignments', `colour = 'amber'`)} as amber,
              ${sum('assignments', `colour = 'red'`)} as red, ${sum('briefed')} as briefed,
              ${sum('transported')} as transported, ${sum('lodged')} as lodged, ${sum('fed')} as fed,
              (select exists (select 1 from readiness.post where district_id = ?)) as known
       from (select tehsil_id, police_station_id, unit_id, phase, colour, count(*) as assignments,
                    count(*) filter (where briefed) as briefed, count(*) filter (where transported) as transported,
                    count(*) filter (where lodged) as lodged, count(*) filter (where fed) as fed
             from (${rows.sql}) v where district_id = ?
             group by tehsil_id, police_station_id, unit_id, phase, colour) counted
       group by grouping sets ((), (tehsil_id), (tehsil_id, police_station_id), (unit_id), (phase))`,
      [districtId, ...rows.params, districtId],
    );
    return { known: result[0]?.known ?? false, rows: result };
  }

  posts(query: ListReadinessPostsQuery, scope: CallerScope, at: Date | null): Promise<Page<ReadinessPostView>> {
    const rows = verdictsAt(at);
    const district = districtFilter('po.district_id', scope, query.districtId);
    return pageRows<PostRow, ReadinessPostView>(
      this.em,
      {
        sql: `select * from (
                select po.id, po.code, po.name, po.district_id, po.tehsil_id, po.police_station_id, po.latitude,
                       po.longitude, ${TALLIES},
                       case when count(*) filter (where colour = 'red') > 0 then 'red'
                            when count(*) filter (where colour = 'amber') > 0 then 'amber' else 'green' end as colour
                from (${rows.sql}) v join readiness.post po on po.id = v.post_id
                where ${district.sql}
                  and (?::uuid is null or po.tehsil_id = ?::uuid)
                  and (?::uuid is null or po.police_station_id = ?::uuid)
                  and (?::uuid is null or po.id = ?::uuid)
                group by po.id
              ) posts where (?::text[] is null or colour = any(?::text[]))`,
        params: [
          ...rows.params,
          ...district.params,
          query.tehsilId ?? null,
          query.tehsilId ?? null,
          query.policeStationId ?? null,
          query.policeStationId ?? null,
          query.postId ?? null,
          query.postId ?? null,
          words(query.colour),
          words(query.colour),
        ],
      },
      query,
      (row) => ({
        postId: row.id,
        code: row.code,
        name: row.name,
        districtId: row.district_id,
        tehsilId: row.tehsil_id,
        policeStationId: row.police_station_id,
        latitude: row.latitude,
        longitude: row.longitude,
        assignments: row.assignments,
        green: row.green,
        amber: row.amber,
        red: row.red,
        colour: row.colour,
        checks: checksOf(row),
      }),
      { keys: { code: 'code', red: 'red', assignments: 'assignments' }, natural: 'code' },
    );
  }

  gaps(query: ListReadinessGapsQuery, scope: CallerScope, at: Date | null): Promise<Page<ReadinessGapView>> {
    const rows = verdictsAt(at);
    const district = districtFilter('v.district_id', scope, query.districtId);
    return pageRows<GapRow, ReadinessGapView>(
      this.em,
      {
        sql: `select v.assignment_id as id, v.personnel_id, p.name, p.rank, p.service_number, v.post_id, po.code,
                     po.name as post_name, v.starts_at, v.ends_at, v.colour, v.missing
              from (${rows.sql}) v
              left join readiness.personnel p on p.id = v.personnel_id
              left join readiness.post po on po.id = v.post_id
              where v.missing_count > 0 and ${district.sql}
                and (?::text[] is null or exists (
                  select 1 from jsonb_array_elements(v.missing) m where m->>'check' = any(?::text[])))
                and (?::uuid is null or v.tehsil_id = ?::uuid)
                and (?::uuid is null or v.police_station_id = ?::uuid)
                and (?::uuid is null or v.unit_id = ?::uuid)
                and (?::uuid is null or v.post_id = ?::uuid)
                and (?::text[] is null or v.colour = any(?::text[]))`,
        params: [
          ...rows.params,
          ...district.params,
          words(query.check),
          words(query.check),
          query.tehsilId ?? null,
          query.tehsilId ?? null,
          query.policeStationId ?? null,
          query.policeStationId ?? null,
          query.unitId ?? null,
          query.unitId ?? null,
          query.postId ?? null,
          query.postId ?? null,
          words(query.colour),
          words(query.colour),
        ],
      },
      query,
      (row) => ({
        assignmentId: row.id,
        personnel: { id: row.personnel_id, name: row.name, rank: row.rank, serviceNumber: row.service_number },
        post: { id: row.post_id, code: row.code, name: row.post_name },
        startsAt: iso(row.starts_at),
        endsAt: iso(row.ends_at),
        colour: row.colour,
        missing: row.missing,
      }),
      { keys: { startsAt: 'starts_at' }, natural: 'startsAt' },
    );
  }

  async assignment(id: string, at: Date | null): Promise<Omit<ReadinessAssignmentView, 'at'> | null> {
    const rows = verdictsAt(at);
    const [row] = await this.em.execute<AssignmentRow[]>(
      `select v.*, p.name, p.rank, p.service_number, po.code, po.name as post_name
       from (${rows.sql}) v
       left join readiness.personnel p on p.id = v.personnel_id
       left join readiness.post po on po.id = v.post_id
       where v.assignment_id = ?`,
      [...rows.params, id],
    );
    if (!row) {
      return null;
    }
    return {
      assignmentId: row.assignment_id,
      since: iso(row.since),
      personnel: { id: row.personnel_id, name: row.name, rank: row.rank, serviceNumber: row.service_number },
      post: { id: row.post_id, code: row.code, name: row.post_name },
      districtId: row.district_id,
      tehsilId: row.tehsil_id,
      policeStationId: row.police_station_id,
      unitId: row.unit_id,
      phase: row.phase,
      startsAt: iso(row.starts_at),
      endsAt: iso(row.ends_at),
      colour: row.colour,
      checks: { briefed: row.briefed, transported: row.transported, lodged: row.lodged, fed: row.fed },
      missing: row.missing,
    };
  }

  /** Per source: events applied by `at`, the last one's time and when it was applied; per subject for the lag. */
  async applied(at: Date | null) {
    return this.em.execute<
      { service: string; subject: string; events: number; last_event_at: string; applied_at: string }[]
    >(
      `select service, subject, sum(events)::int as events, max(last_event_at) as last_event_at,
              max(applied_at) as applied_at
       from readiness.source_applied where (?::timestamptz is null or applied_at <= ?::timestamptz)
       group by service, subject`,
      [at?.toISOString() ?? null, at?.toISOString() ?? null],
    );
  }
}
