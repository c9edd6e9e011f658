import type { DemoCategory, DemoGender, DemoPhase, DemoPost, DemoRank, DemoRole } from './haripur-demo.types';
import type { UnitCode } from './haripur-geography';
import type { DemoPosts, PollingStation } from './haripur-posts';
import { SeededRandom } from './seed-random';

/** Hours are counted from local midnight at the start of poll day: -10 is 14:00 the day before, 26 is 02:00 after. */
export interface DutyWindow {
  postId: string;
  role: DemoRole;
  phase: DemoPhase;
  startHour: number;
  endHour: number;
}

/** One person's duties: everyone the demo enlists fills exactly one slot, so windows are laid out not to overlap. */
export interface DutySlot {
  rank: DemoRank;
  unitCode: UnitCode;
  gender: DemoGender;
  windows: DutyWindow[];
}

type Span = readonly [startHour: number, endHour: number];

// Polls run 08:00-17:00; staff arrive two hours early and stay through the count at the station.
const POLL_DAY: Span = [6, 20];
// Escorting polling material from the DRO's office the afternoon before.
const MATERIAL_ESCORT: Span = [-10, -2];
// Escorting results and bags back to the DRO's office after the count.
const RESULT_ESCORT: Span = [20, 26];
const CHECKPOINT: Span = [5, 21];
const QRF: Span = [5, 23];
const DRO_OFFICE: Span = [6, 22];
const CONTROL_ROOM_DAY: Span = [6, 18];
const CONTROL_ROOM_NIGHT: Span = [18, 30];
// The strong room is held round the clock from two days before the poll to two days after, in 8-hour shifts.
const STRONG_ROOM_FROM = -42;
const STRONG_ROOM_SHIFTS = 12;
const STRONG_ROOM_TEAMS = 3;

const STATION_STAFF: Record<DemoCategory, { inCharge: readonly (readonly [DemoRank, number])[]; guards: Span }> = {
  A: {
    inCharge: [
      ['si', 6],
      ['asi', 4],
    ],
    guards: [7, 9],
  },
  B: {
    inCharge: [
      ['asi', 8],
      ['si', 2],
    ],
    guards: [5, 7],
  },
  C: { inCharge: [['head_constable', 1]], guards: [3, 5] },
};

const GUARD_RANKS: Record<DemoCategory, readonly (readonly [DemoRank, number])[]> = {
  A: [
    ['constable', 6],
    ['elite_constable', 2],
    ['fc_sepoy', 1],
    ['head_constable', 1],
  ],
  B: [
    ['constable', 7],
    ['elite_constable', 1],
    ['head_constable', 1.5],
    ['fc_sepoy', 0.5],
  ],
  C: [
    ['constable', 7],
    ['head_constable', 1],
    ['volunteer', 2],
  ],
};

// Share of Haripur police slots filled by the Abbottabad reinforcement.
const REINFORCEMENT_SHARE = 0.09;

export function planDuties(rng: SeededRandom, posts: DemoPosts): DutySlot[] {
  const window = (post: DemoPost, role: DemoRole, phase: DemoPhase, [startHour, endHour]: Span): DutyWindow => ({
    postId: post.id,
    role,
    phase,
    startHour,
    endHour,
  });
  const slot = (rank: DemoRank, windows: DutyWindow[], unitCode = unitFor(rng, rank), gender: DemoGender = 'male') => ({
    rank,
    unitCode,
    gender,
    windows,
  });

  const slots: DutySlot[] = [];
  for (const station of posts.pollingStations) {
    slots.push(...stationSlots(rng, station, posts.droOffice, window, slot));
  }
  for (const checkpoint of posts.checkpoints) {
    const traffic = (rank: DemoRank) => (rng.chance(0.4) ? 'HRP-TRAFFIC' : unitFor(rng, rank));
    slots.push(slot('asi', [window(checkpoint, 'in_charge', 'poll_day', CHECKPOINT)], traffic('asi')));
    for (let i = rng.int(4, 6); i > 0; i -= 1) {
      const rank = rng.weighted<DemoRank>([
        ['constable', 8],
        ['elite_constable', 2],
      ]);
      slots.push(
        slot(
          rank,
          [window(checkpoint, 'guard', 'poll_day', CHECKPOINT)],
          rank === 'constable' ? traffic(rank) : undefined,
        ),
      );
    }
  }
  for (const [i, qrfPost] of posts.qrfPosts.entries()) {
    // The Police Lines QRF is Elite Force; the outlying ones are Frontier Corps.
    const elite = i === 0;
    slots.push(slot(elite ? 'inspector' : 'fc_havildar', [window(qrfPost, 'in_charge', 'poll_day', QRF)]));
    for (let n = 0; n < 10; n += 1) {
      const rank: DemoRank = elite ? 'elite_constable' : n < 2 ? 'fc_naik' : 'fc_sepoy';
      slots.push(slot(rank, [window(qrfPost, 'qrf', 'poll_day', QRF)]));
    }
    for (let n = 0; n < 2; n += 1) {
      slots.push(slot('constable', [window(qrfPost, 'driver', 'poll_day', QRF)], 'HRP-POLICE-LINES'));
    }
    for (let n = 0; n < 4; n += 1) {
      slots.push(slot('constable', [window(qrfPost, 'reserve', 'poll_day', QRF)]));
    }
  }
  const control = posts.controlRoom;
  const controlShift = (ranks: DemoRank[], span: Span) =>
    ranks.map((rank, n) =>
      slot(
        rank,
        [window(control, n === 0 ? 'in_charge' : 'guard', 'poll_day', span)],
        n === 1 ? 'HRP-SPECIAL-BRANCH' : 'HRP-POLICE-LINES',
      ),
    );
  slots.push(...controlShift(['dsp', 'si', 'inspector', 'constable', 'constable'], CONTROL_ROOM_DAY));
  slots.push(...controlShift(['inspector', 'asi', 'si', 'constable'], CONTROL_ROOM_NIGHT));
  slots.push(slot('si', [window(posts.droOffice, 'in_charge', 'poll_day', DRO_OFFICE)], 'HRP-POLICE-LINES'));
  for (let n = 0; n < 5; n += 1) {
    slots.push(slot('constable', [window(posts.droOffice, 'guard', 'poll_day', DRO_OFFICE)], 'HRP-POLICE-LINES'));
  }
  for (let team = 0; team < STRONG_ROOM_TEAMS; team += 1) {
    // A team keeps the same shift each day: its members have several windows, 16 hours apart.
    const shifts: DutyWindow[] = [];
    for (let shift = team; shift < STRONG_ROOM_SHIFTS; shift += STRONG_ROOM_TEAMS) {
      const start = STRONG_ROOM_FROM + shift * 8;
      shifts.push(window(posts.strongRoom, 'guard', 'strong_room', [start, start + 8]));
    }
    slots.push(
      slot(
        'head_constable',
        shifts.map((w) => ({ ...w, role: 'in_charge' })),
        'HRP-POLICE-LINES',
      ),
    );
    for (let n = 0; n < 4; n += 1) {
      slots.push(
        slot(
          'constable',
          shifts.map((w) => ({ ...w })),
          'HRP-POLICE-LINES',
        ),
      );
    }
  }
  return slots;
}

type WindowFn = (post: DemoPost, role: DemoRole, phase: DemoPhase, span: Span) => DutyWindow;
type SlotFn = (rank: DemoRank, windows: DutyWindow[], unitCode?: UnitCode, gender?: DemoGender) => DutySlot;

function stationSlots(rng: SeededRandom, station: PollingStation, droOffice: DemoPost, window: WindowFn, slot: SlotFn) {
  const { post, category, gender } = station;
  const staff = STATION_STAFF[category];
  const inChargeRank = rng.weighted(staff.inCharge);
  const slots = [
    slot(inChargeRank, [
      window(post, 'in_charge', 'pre_poll', MATERIAL_ESCORT),
      window(post, 'in_charge', 'poll_day', POLL_DAY),
    ]),
  ];
  const guards = rng.int(staff.guards[0], staff.guards[1]);
  // Lady constables search and guard women voters, so female and combined stations get them.
  const women = gender === 'Female' ? (category === 'A' ? 2 : 1) : gender === 'Combined' && rng.chance(0.7) ? 1 : 0;
  for (let n = 0; n < guards; n += 1) {
    if (n >= guards - women) {
      const rank = rng.chance(0.85) ? 'constable' : 'head_constable';
      slots.push(slot(rank, [window(post, 'guard', 'poll_day', POLL_DAY)], 'HRP-POLICE-LINES', 'female'));
      continue;
    }
    const rank = rng.weighted(GUARD_RANKS[category]);
    const windows = [window(post, 'guard', 'poll_day', POLL_DAY)];
    if (category === 'A' && n === 0) {
      windows.unshift(window(post, 'guard', 'pre_poll', MATERIAL_ESCORT));
      windows.push(window(droOffice, 'guard', 'counting', RESULT_ESCORT));
    }
    slots.push(slot(rank, windows));
  }
  return slots;
}

function unitFor(rng: SeededRandom, rank: DemoRank): UnitCode {
  switch (rank) {
    case 'elite_constable':
      return 'HRP-ELITE';
    case 'fc_sepoy':
    case 'fc_naik':
    case 'fc_havildar':
      return 'FC-TARBELA-WING';
    case 'volunteer':
      return 'HRP-CIVIL-DEFENCE';
    case 'constable':
    case 'head_constable':
    case 'asi':
      return rng.chance(REINFORCEMENT_SHARE) ? 'ABT-REINFORCEMENT' : 'HRP-POLICE-LINES';
    case 'si':
    case 'inspector':
    case 'dsp':
      return 'HRP-POLICE-LINES';
  }
}
