import type { DemoCategory, DemoPost, DemoPostKind } from './haripur-demo.types';
import type { Geography } from './haripur-geography';
import {
  CHECKPOINT_ROWS,
  POLICE_STATION_ROWS,
  PoliceStationRow,
  SCHOOLS_BY_GENDER,
  StationGender,
  VillageRow,
} from './haripur-names';
import { SeededRandom, demoUuid } from './seed-random';

export interface PollingStation {
  post: DemoPost;
  category: DemoCategory;
  gender: StationGender;
}

export interface DemoPosts {
  all: DemoPost[];
  pollingStations: PollingStation[];
  checkpoints: DemoPost[];
  strongRoom: DemoPost;
  droOffice: DemoPost;
  controlRoom: DemoPost;
  qrfPosts: DemoPost[];
}

// Inside the demo's bounding box (lat 33.8-34.2, lon 72.6-73.2), with a small margin.
const LATITUDE = [33.81, 34.19] as const;
const LONGITUDE = [72.61, 73.19] as const;

// Roughly the ECP split of sensitivity: A 15%, B 35%, C 50%.
const CATEGORY_SHARE: readonly (readonly [DemoCategory, number])[] = [
  ['A', 0.15],
  ['B', 0.35],
  ['C', 0.5],
];

const GENDER_WEIGHTS: readonly (readonly [StationGender, number])[] = [
  ['Male', 38],
  ['Female', 35],
  ['Combined', 27],
];

interface PostSpec {
  code: string;
  name: string;
  kind: DemoPostKind;
  category: DemoCategory | null;
  policeStation: string;
  latitude: number;
  longitude: number;
  remote: boolean;
}

export function buildPosts(rng: SeededRandom, geography: Geography): DemoPosts {
  const toPost = (spec: PostSpec): DemoPost => {
    const station = geography.policeStation(spec.policeStation);
    return {
      id: demoUuid(`post:${spec.code}`),
      code: spec.code,
      name: spec.name,
      kind: spec.kind,
      category: spec.category,
      districtId: station.districtId,
      tehsilId: station.tehsilId,
      policeStationId: station.id,
      latitude: round(clamp(spec.latitude, LATITUDE)),
      longitude: round(clamp(spec.longitude, LONGITUDE)),
      remote: spec.remote,
    };
  };

  const pollingStations = planPollingStations(rng).map(({ spec, category, gender }) => ({
    post: toPost(spec),
    category,
    gender,
  }));
  const checkpoints = CHECKPOINT_ROWS.map((row, i) =>
    toPost({
      ...row,
      code: `CP-HRP-${pad(i + 1, 2)}`,
      kind: 'checkpoint',
      category: null,
      remote: row.remote ?? false,
    }),
  );
  const fixed = (code: string, name: string, kind: DemoPostKind, policeStation: string, lat: number, lon: number) =>
    toPost({ code, name, kind, category: null, policeStation, latitude: lat, longitude: lon, remote: false });
  const strongRoom = fixed(
    'SR-HRP-01',
    'Strong Room, District Treasury Haripur',
    'strong_room',
    'PS-HRP-CITY',
    33.9952,
    72.9331,
  );
  const droOffice = fixed(
    'DRO-HRP-01',
    "District Returning Officer's Office, District Courts Haripur",
    'dro_office',
    'PS-HRP-CITY',
    33.9968,
    72.9302,
  );
  const controlRoom = fixed(
    'CR-HRP-01',
    'District Police Control Room, Police Lines Haripur',
    'control_room',
    'PS-HRP-CITY',
    33.9889,
    72.9254,
  );
  const qrfPosts = [
    fixed('QRF-HRP-01', 'QRF Post, Police Lines Haripur', 'qrf_post', 'PS-HRP-CITY', 33.9893, 72.9262),
    fixed('QRF-HRP-02', 'QRF Post Ghazi', 'qrf_post', 'PS-HRP-GHAZI', 34.0228, 72.6655),
    fixed('QRF-HRP-03', 'QRF Post Khanpur', 'qrf_post', 'PS-HRP-KHANPUR', 33.8141, 72.9355),
  ];
  return {
    all: [...pollingStations.map((p) => p.post), ...checkpoints, strongRoom, droOffice, controlRoom, ...qrfPosts],
    pollingStations,
    checkpoints,
    strongRoom,
    droOffice,
    controlRoom,
    qrfPosts,
  };
}

function planPollingStations(rng: SeededRandom) {
  const total = POLICE_STATION_ROWS.reduce((sum, row) => sum + row.pollingStations, 0);
  const categories = rng.shuffle(categoryPool(total));
  const takenNames = new Set<string>();
  const planned: { spec: PostSpec; category: DemoCategory; gender: StationGender }[] = [];
  for (const station of POLICE_STATION_ROWS) {
    const anchors = villageAnchors(rng, station);
    for (let i = 0; i < station.pollingStations; i += 1) {
      const [village, anchor] = anchors[i % anchors.length];
      const gender = rng.weighted(GENDER_WEIGHTS);
      const name = uniqueName(takenNames, `${rng.pick(SCHOOLS_BY_GENDER[gender])} ${village.name}`, gender);
      const category = categories[planned.length];
      const code = `PS-HRP-${pad(planned.length + 1, 3)}`;
      const spec: PostSpec = {
        code,
        name,
        kind: 'polling_station',
        category,
        policeStation: station.code,
        latitude: anchor.latitude + (rng.next() - 0.5) * 0.012,
        longitude: anchor.longitude + (rng.next() - 0.5) * 0.012,
        remote: village.remote,
      };
      planned.push({ spec, category, gender });
    }
  }
  return planned;
}

function categoryPool(total: number): DemoCategory[] {
  const a = Math.round(total * CATEGORY_SHARE[0][1]);
  const b = Math.round(total * CATEGORY_SHARE[1][1]);
  return [
    ...Array<DemoCategory>(a).fill('A'),
    ...Array<DemoCategory>(b).fill('B'),
    ...Array<DemoCategory>(total - a - b).fill('C'),
  ];
}

// Stations of one village cluster together; hill villages sit further out from the police station.
function villageAnchors(rng: SeededRandom, station: PoliceStationRow) {
  return station.villages.map((village: VillageRow) => {
    const reach = village.remote ? 0.09 : 0.045;
    const anchor = {
      latitude: station.latitude + (rng.next() - 0.5) * reach,
      longitude: station.longitude + (rng.next() - 0.5) * reach,
    };
    return [village, anchor] as const;
  });
}

function uniqueName(taken: Set<string>, base: string, gender: StationGender): string {
  let name = `${base} (${gender})`;
  for (let n = 2; taken.has(name); n += 1) {
    name = `${base} No. ${n} (${gender})`;
  }
  taken.add(name);
  return name;
}

function clamp(value: number, [min, max]: readonly [number, number]): number {
  return Math.min(max, Math.max(min, value));
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
