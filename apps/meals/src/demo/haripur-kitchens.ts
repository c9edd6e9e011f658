import { createHash } from 'node:crypto';

export interface DemoKitchen {
  id: string;
  name: string;
  districtId: string;
  tehsilIds: string[];
  postIds: string[];
  contactPhone: string;
  capacityPerSlot: number;
  costPerMeal: string;
}

/**
 * The id the roster's demo seed gives a record (apps/roster/src/seed/seed-random.ts): meals may not import another
 * app, and its demo kitchens must name the demo's district, tehsils and posts. meals-demo.e2e-spec.ts proves they
 * match: it seeds the roster and generates the poll day on these kitchens.
 */
function demoUuid(key: string): string {
  const hex = createHash('sha1').update(`rasad-demo:${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const HARIPUR = demoUuid('district:HRP');

// Capacities: everyone with a duty at the kitchen's posts in the demo roster, a tenth more, rounded up to fifty.
const TEHSILS = [
  { code: 'HRP-HRP', name: 'Haripur', capacity: 1400 },
  { code: 'HRP-GHZ', name: 'Ghazi', capacity: 500 },
  { code: 'HRP-KHP', name: 'Khanpur', capacity: 500 },
];

/** The posts the Police Lines mess feeds: the district's own (control room, strong room, DRO office, the lines' QRF). */
const POLICE_LINES_POSTS = ['CR-HRP-01', 'SR-HRP-01', 'DRO-HRP-01', 'QRF-HRP-01'];

/**
 * Haripur's kitchens for `npm start`: the Police Lines mess, which generation prefers for the posts it lists, and one
 * caterer per tehsil, each with room for every slot of the poll day.
 */
export function haripurKitchens(): DemoKitchen[] {
  return [
    {
      id: demoUuid('kitchen:police-lines'),
      name: 'Police Lines Mess Haripur',
      districtId: HARIPUR,
      tehsilIds: [],
      postIds: POLICE_LINES_POSTS.map((code) => demoUuid(`post:${code}`)),
      contactPhone: '+923005550100',
      capacityPerSlot: 150,
      costPerMeal: '400.00',
    },
    ...TEHSILS.map((tehsil, index) => ({
      id: demoUuid(`kitchen:${tehsil.code}`),
      name: `${tehsil.name} Tehsil Caterers`,
      districtId: HARIPUR,
      tehsilIds: [demoUuid(`tehsil:${tehsil.code}`)],
      postIds: [],
      contactPhone: `+92300555011${index}`,
      capacityPerSlot: tehsil.capacity,
      costPerMeal: '350.00',
    })),
  ];
}
