// The two readiness reports the bench times, each beside the bare SQL that makes the same roll-ups over the same
// verdict rows (counts per check and grouping, no colour, no service), and the check that both give the same counts.
import { ALL_DISTRICTS, Headers, ReadinessRollupView, ReadinessSummaryView } from '@rasad/contracts';
import { NatsConnection, headers as natsHeaders } from 'nats';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';

const COUNTS = `count(*)::int as assignments, count(*) filter (where briefed)::int as briefed,
    count(*) filter (where transported)::int as transported, count(*) filter (where lodged)::int as lodged,
    count(*) filter (where fed)::int as fed, count(*) filter (where missing_count = 0)::int as ready`;

/** A district's summary as bare SQL: its totals, by tehsil, police station, unit and phase. */
export const DISTRICT_BARE_SQL = `select grouping(tehsil_id, police_station_id, unit_id, phase) as g, tehsil_id,
    police_station_id, unit_id, phase, ${COUNTS}
  from readiness.verdict where district_id = $1
  group by grouping sets ((), (tehsil_id), (tehsil_id, police_station_id), (unit_id), (phase))`;

/** The national roll-up as bare SQL: every district's verdicts, totals, by district, unit and phase. */
export const NATIONAL_BARE_SQL = `select grouping(district_id, unit_id, phase) as g, district_id, unit_id, phase, ${COUNTS}
  from readiness.verdict
  group by grouping sets ((), (district_id), (unit_id), (phase))`;

interface BareRow {
  g: number;
  district_id?: string | null;
  tehsil_id?: string | null;
  police_station_id?: string | null;
  unit_id: string | null;
  phase: string | null;
  assignments: number;
  briefed: number;
  transported: number;
  lodged: number;
  fed: number;
  ready: number;
}

/** One report: the request over NATS as the gateway sends it (an admin's scope), and its bare SQL. */
export interface Report<View> {
  name: string;
  request: () => Promise<View>;
  bare: () => Promise<BareRow[]>;
}

async function request<View>(nc: NatsConnection, subject: string, data: object): Promise<View> {
  const headers = natsHeaders();
  headers.set(Headers.scope, ALL_DISTRICTS);
  const packet = JSON.stringify({ pattern: subject, data, id: uuidv7() });
  const reply = (await nc.request(subject, Buffer.from(packet), { timeout: 60_000, headers })).json<{
    response?: View;
    err?: unknown;
  }>();
  if (!reply.response) {
    throw new Error(`${subject} failed: ${JSON.stringify(reply.err)}`);
  }
  return reply.response;
}

export function districtReport(nc: NatsConnection, pool: Pool, districtId: string): Report<ReadinessSummaryView> {
  return {
    name: 'district summary',
    request: () => request(nc, 'readiness.summary.get.v1', { districtId }),
    bare: async () => (await pool.query<BareRow>(DISTRICT_BARE_SQL, [districtId])).rows,
  };
}

export function nationalReport(nc: NatsConnection, pool: Pool): Report<ReadinessRollupView> {
  return {
    name: 'national roll-up',
    request: () => request(nc, 'readiness.rollup.get.v1', {}),
    bare: async () => (await pool.query<BareRow>(NATIONAL_BARE_SQL)).rows,
  };
}

interface Tallied {
  assignments: number;
  green: number;
  checks: Record<'briefed' | 'transported' | 'lodged' | 'fed', { ok: number }>;
}

const counted = (t: Tallied) =>
  [t.assignments, t.checks.briefed.ok, t.checks.transported.ok, t.checks.lodged.ok, t.checks.fed.ok, t.green].join('/');
const bareCounted = (r: BareRow) => [r.assignments, r.briefed, r.transported, r.lodged, r.fed, r.ready].join('/');

function districtKey(row: BareRow): string {
  switch (row.g) {
    case 15:
      return 'total';
    case 7:
      return `tehsil ${row.tehsil_id}`;
    case 3:
      return `police station ${row.tehsil_id} ${row.police_station_id}`;
    case 13:
      return `unit ${row.unit_id}`;
    default:
      return `phase ${row.phase}`;
  }
}

function nationalKey(row: BareRow): string {
  switch (row.g) {
    case 7:
      return 'total';
    case 3:
      return `district ${row.district_id}`;
    case 5:
      return `unit ${row.unit_id}`;
    default:
      return `phase ${row.phase}`;
  }
}

/** Counts per grouping, as `key → assignments/briefed/transported/lodged/fed/ready`. */
function summaryCounts(view: ReadinessSummaryView): Map<string, string> {
  return new Map([
    ['total', counted({ ...view.totals, checks: view.checks })],
    ...view.byTehsil.map((r) => [`tehsil ${r.tehsilId}`, counted(r)] as const),
    ...view.byPoliceStation.map((r) => [`police station ${r.tehsilId} ${r.policeStationId}`, counted(r)] as const),
    ...view.byUnit.map((r) => [`unit ${r.unitId}`, counted(r)] as const),
    ...view.byPhase.map((r) => [`phase ${r.phase}`, counted(r)] as const),
  ]);
}

function rollupCounts(view: ReadinessRollupView): Map<string, string> {
  return new Map([
    ['total', counted({ ...view.totals, checks: view.checks })],
    ...view.byDistrict.map((r) => [`district ${r.districtId}`, counted(r)] as const),
    ...view.byUnit.map((r) => [`unit ${r.unitId}`, counted(r)] as const),
    ...view.byPhase.map((r) => [`phase ${r.phase}`, counted(r)] as const),
  ]);
}

function sameCounts(name: string, service: Map<string, string>, bare: Map<string, string>): void {
  const keys = new Set([...service.keys(), ...bare.keys()]);
  const differ = [...keys].filter((key) => service.get(key) !== bare.get(key));
  if (differ.length > 0) {
    const shown = differ.slice(0, 5).map((key) => `${key}: ${service.get(key)} against ${bare.get(key)}`);
    throw new Error(`the ${name} and its bare SQL differ in ${differ.length} groupings:\n${shown.join('\n')}`);
  }
}

/** Both reports against their bare SQL, before anything is timed; returns the national total. */
export async function checkAgreement(
  district: Report<ReadinessSummaryView>,
  national: Report<ReadinessRollupView>,
): Promise<number> {
  const bareDistrict = new Map((await district.bare()).map((row) => [districtKey(row), bareCounted(row)]));
  sameCounts(district.name, summaryCounts(await district.request()), bareDistrict);
  const view = await national.request();
  sameCounts(
    national.name,
    rollupCounts(view),
    new Map((await national.bare()).map((r) => [nationalKey(r), bareCounted(r)])),
  );
  return view.totals.assignments;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Taking turns, so drift on the machine hits both; after a warm-up of each, the median round counts. */
export async function timeReport(report: Report<unknown>, rounds: number) {
  const service: number[] = [];
  const bare: number[] = [];
  await report.request();
  await report.bare();
  for (let round = 0; round < rounds; round++) {
    let started = performance.now();
    await report.request();
    service.push(performance.now() - started);
    started = performance.now();
    await report.bare();
    bare.push(performance.now() - started);
  }
  const serviceMs = median(service);
  const bareMs = median(bare);
  return {
    serviceMs: Math.round(serviceMs * 10) / 10,
    bareMs: Math.round(bareMs * 10) / 10,
    ratio: Math.round((serviceMs / bareMs) * 100) / 100,
  };
}
