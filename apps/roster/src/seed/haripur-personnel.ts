import type { DemoLanguage, DemoPersonnel, DemoRank, DemoTravelMode } from './haripur-demo.types';
import type { DistrictCode, Geography, UnitCode } from './haripur-geography';
import type { DutySlot } from './haripur-duties';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from './haripur-names';
import { SeededRandom, demoUuid } from './seed-random';

// NADRA area codes (the first five CNIC digits; 1 is Khyber Pakhtunkhwa).
const CNIC_AREAS: Record<DistrictCode, readonly (readonly [string, number])[]> = {
  HRP: [
    ['13302', 6],
    ['13301', 2],
    ['13303', 2],
  ],
  ABT: [
    ['13101', 7],
    ['13102', 3],
  ],
  MNS: [
    ['13503', 6],
    ['13504', 4],
  ],
};

const DIETARY_NEEDS: readonly (readonly [string[], number])[] = [
  [[], 900],
  [['diabetic'], 60],
  [['vegetarian'], 25],
  [['other:no spicy food'], 8],
  [['diabetic', 'other:no spicy food'], 3],
];

/** The service numbers of the Motor Transport section: how transport's demo finds its drivers in its copy of the roster. */
export const MOTOR_TRANSPORT_PREFIX = 'HRP-MT-';

const OFFICERS: ReadonlySet<DemoRank> = new Set(['si', 'inspector', 'dsp']);

/** Turns duty slots into people with unique service numbers, CNICs and phones, all drawn from the seeded stream. */
export class PersonnelFactory {
  private readonly serviceNumbers = new Set<string>();
  private readonly cnics = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(
    private readonly rng: SeededRandom,
    private readonly geography: Geography,
  ) {}

  enlist(slot: DutySlot, index: number): DemoPersonnel {
    const { rng } = this;
    const home = homeDistrict(rng, slot.unitCode);
    const female = slot.gender === 'female';
    const officer = OFFICERS.has(slot.rank);
    const contingent = home !== 'HRP';
    return {
      id: demoUuid(`personnel:${index}`),
      serviceNumber: rng.unique(this.serviceNumbers, () => serviceNumber(rng, slot.unitCode)),
      name: `${rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)} ${rng.pick(SURNAMES)}`,
      rank: slot.rank,
      unitId: this.geography.unit(slot.unitCode).id,
      homeDistrictId: this.geography.district(home).id,
      // The last CNIC digit is odd for men and even for women.
      cnic: rng.unique(this.cnics, () => {
        const last = 2 * rng.int(0, 4) + (female ? 0 : 1);
        return `${rng.weighted(CNIC_AREAS[home])}-${rng.int(1, 9)}${rng.digits(6)}-${last}`;
      }),
      phone: rng.unique(this.phones, () => `+923${rng.int(0, 4)}${rng.digits(8)}`),
      gender: slot.gender,
      dietaryNeeds: [...rng.weighted(DIETARY_NEEDS)],
      // Contingents from outside move as a body in laid-on transport; local officers often drive themselves.
      travelMode: contingent
        ? 'provided'
        : rng.weighted<DemoTravelMode>([
            ['provided', 85],
            ['self', officer ? 40 : 12],
          ]),
      language: rng.weighted<DemoLanguage>([
        ['ur', 90],
        ['en', officer ? 60 : 5],
      ]),
    };
  }
}

function homeDistrict(rng: SeededRandom, unit: UnitCode): DistrictCode {
  switch (unit) {
    case 'ABT-REINFORCEMENT':
      return 'ABT';
    case 'FC-TARBELA-WING':
      return rng.chance(0.5) ? 'ABT' : 'MNS';
    default:
      return 'HRP';
  }
}

function serviceNumber(rng: SeededRandom, unit: UnitCode): string {
  switch (unit) {
    case 'ABT-REINFORCEMENT':
      return `ABT-${rng.int(10000, 99999)}`;
    case 'FC-TARBELA-WING':
      return `FC-${rng.int(100000, 999999)}`;
    case 'HRP-CIVIL-DEFENCE':
      return `VOL-${rng.int(1000, 9999)}`;
    case 'HRP-MOTOR-TRANSPORT':
      return `${MOTOR_TRANSPORT_PREFIX}${rng.int(1000, 9999)}`;
    case 'HRP-POLICE-LINES':
    case 'HRP-TRAFFIC':
    case 'HRP-SPECIAL-BRANCH':
    case 'HRP-ELITE':
      return `HRP-${rng.int(10000, 99999)}`;
  }
}
