import type { DemoDistrict, DemoForce, DemoPoliceStation, DemoTehsil, DemoUnit } from './haripur-demo.types';
import { POLICE_STATION_ROWS, TEHSIL_ROWS, TehsilKey } from './haripur-names';
import { demoUuid } from './seed-random';

export type DistrictCode = 'HRP' | 'ABT' | 'MNS';

const DISTRICT_ROWS: readonly { code: DistrictCode; name: string }[] = [
  { code: 'HRP', name: 'Haripur' },
  { code: 'ABT', name: 'Abbottabad' },
  { code: 'MNS', name: 'Mansehra' },
];

interface UnitRow {
  code: string;
  name: string;
  force: DemoForce;
  district: DistrictCode;
}

export const UNIT_ROWS = [
  { code: 'HRP-POLICE-LINES', name: 'District Police Lines Haripur', force: 'police', district: 'HRP' },
  { code: 'HRP-TRAFFIC', name: 'Traffic Police Haripur', force: 'police', district: 'HRP' },
  { code: 'HRP-SPECIAL-BRANCH', name: 'Special Branch Haripur', force: 'police', district: 'HRP' },
  { code: 'HRP-ELITE', name: 'Elite Force Platoon Haripur', force: 'elite_force', district: 'HRP' },
  {
    code: 'FC-TARBELA-WING',
    name: 'Frontier Corps KP (North), Tarbela Wing',
    force: 'frontier_corps',
    district: 'HRP',
  },
  { code: 'HRP-CIVIL-DEFENCE', name: 'Civil Defence Volunteers Haripur', force: 'volunteers', district: 'HRP' },
  // Reinforcement sent in for the poll: its members come from, and are lodged away from, another district.
  { code: 'ABT-REINFORCEMENT', name: 'Abbottabad Police Reinforcement', force: 'police', district: 'ABT' },
  // Drivers of the district's vehicles: on poll day they drive the election fleet, not a post.
  { code: 'HRP-MOTOR-TRANSPORT', name: 'Motor Transport Section Haripur', force: 'police', district: 'HRP' },
] as const satisfies readonly UnitRow[];

export type UnitCode = (typeof UNIT_ROWS)[number]['code'];

export interface Geography {
  districts: DemoDistrict[];
  tehsils: DemoTehsil[];
  policeStations: DemoPoliceStation[];
  units: DemoUnit[];
  district(code: DistrictCode): DemoDistrict;
  tehsil(key: TehsilKey): DemoTehsil;
  policeStation(code: string): DemoPoliceStation;
  unit(code: UnitCode): DemoUnit;
}

export function buildGeography(): Geography {
  const districts: DemoDistrict[] = DISTRICT_ROWS.map((row) => ({
    id: demoUuid(`district:${row.code}`),
    code: row.code,
    name: row.name,
    province: 'Khyber Pakhtunkhwa',
  }));
  const haripur = districts[0];
  const tehsils: DemoTehsil[] = TEHSIL_ROWS.map((row) => ({
    id: demoUuid(`tehsil:${row.code}`),
    districtId: haripur.id,
    code: row.code,
    name: row.name,
  }));
  const tehsilByKey = new Map(TEHSIL_ROWS.map((row, i) => [row.key, tehsils[i]]));
  const policeStations: DemoPoliceStation[] = POLICE_STATION_ROWS.map((row) => ({
    id: demoUuid(`police-station:${row.code}`),
    districtId: haripur.id,
    tehsilId: lookup(tehsilByKey, row.tehsil).id,
    code: row.code,
    name: row.name,
  }));
  const districtByCode = new Map(districts.map((d) => [d.code as DistrictCode, d]));
  const units: DemoUnit[] = UNIT_ROWS.map((row) => ({
    id: demoUuid(`unit:${row.code}`),
    districtId: lookup(districtByCode, row.district).id,
    code: row.code,
    name: row.name,
    force: row.force,
  }));
  const stationByCode = new Map(policeStations.map((s) => [s.code, s]));
  const unitByCode = new Map(units.map((u) => [u.code as UnitCode, u]));
  return {
    districts,
    tehsils,
    policeStations,
    units,
    district: (code) => lookup(districtByCode, code),
    tehsil: (key) => lookup(tehsilByKey, key),
    policeStation: (code) => lookup(stationByCode, code),
    unit: (code) => lookup(unitByCode, code),
  };
}

function lookup<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) {
    throw new Error(`Haripur demo: unknown key ${String(key)}`);
  }
  return value;
}
