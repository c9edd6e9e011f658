import { RoomGender, SiteKind } from '@rasad/contracts';

// Where the Haripur demo's people sleep: the police lines, rest houses and schools near each police station, enough
// beds for the night before poll day (about 540 needed, 36 of them by women) with a few to spare. Coordinates are
// approximate, like the roster demo's.

export interface DemoRoom {
  name: string;
  gender: RoomGender;
  beds: number;
}

export interface DemoSite {
  name: string;
  kind: SiteKind;
  /** The roster demo's tehsil code. */
  tehsil: 'HRP-HRP' | 'HRP-GHZ' | 'HRP-KHP';
  address: string;
  latitude: number;
  longitude: number;
  suitableForWomen: boolean;
  rooms: DemoRoom[];
}

const barracks = (count: number, beds: number, gender: RoomGender = 'male'): DemoRoom[] =>
  Array.from({ length: count }, (_, i) => ({ name: `Barrack ${String.fromCharCode(65 + i)}`, gender, beds }));

const classrooms = (count: number, beds: number): DemoRoom[] =>
  Array.from({ length: count }, (_, i) => ({ name: `Classroom ${i + 1}`, gender: 'male', beds }));

export const HARIPUR_SITES: readonly DemoSite[] = [
  {
    name: 'District Police Lines Haripur',
    kind: 'police_lines',
    tehsil: 'HRP-HRP',
    address: 'Police Lines, G.T. Road, Haripur',
    latitude: 33.999,
    longitude: 72.918,
    suitableForWomen: true,
    rooms: [...barracks(6, 25), { name: 'Women barrack', gender: 'female', beds: 20 }],
  },
  {
    name: 'Govt. High School No. 1 Haripur',
    kind: 'school',
    tehsil: 'HRP-HRP',
    address: 'Jail Road, Haripur',
    latitude: 33.991,
    longitude: 72.905,
    suitableForWomen: false,
    rooms: classrooms(5, 12),
  },
  {
    name: 'Govt. Girls High School Haripur',
    kind: 'school',
    tehsil: 'HRP-HRP',
    address: 'Mohallah Dheenda, Haripur',
    latitude: 33.997,
    longitude: 72.929,
    suitableForWomen: true,
    rooms: [
      { name: 'Hall', gender: 'female', beds: 16 },
      { name: 'Staff room', gender: 'female', beds: 8 },
    ],
  },
  {
    name: 'Rest House Sarai Saleh',
    kind: 'rest_house',
    tehsil: 'HRP-HRP',
    address: 'Sarai Saleh, Haripur',
    latitude: 34.03,
    longitude: 72.958,
    suitableForWomen: false,
    rooms: [{ name: 'Dormitory', gender: 'male', beds: 20 }],
  },
  {
    name: 'Govt. High School Hattar',
    kind: 'school',
    tehsil: 'HRP-HRP',
    address: 'Hattar Road, Hattar',
    latitude: 33.875,
    longitude: 72.861,
    suitableForWomen: false,
    rooms: classrooms(4, 10),
  },
  {
    name: 'Govt. High School Khalabat',
    kind: 'school',
    tehsil: 'HRP-HRP',
    address: 'Khalabat Township, Haripur',
    latitude: 34.048,
    longitude: 72.886,
    suitableForWomen: false,
    rooms: classrooms(3, 10),
  },
  {
    name: 'Govt. High School Serai Niamat Khan',
    kind: 'school',
    tehsil: 'HRP-HRP',
    address: 'Serai Niamat Khan, Haripur',
    latitude: 34.066,
    longitude: 73.041,
    suitableForWomen: false,
    rooms: classrooms(3, 10),
  },
  {
    name: 'Govt. High School Ghazi',
    kind: 'school',
    tehsil: 'HRP-GHZ',
    address: 'Main Bazaar, Ghazi',
    latitude: 34.019,
    longitude: 72.667,
    suitableForWomen: true,
    rooms: [...classrooms(5, 12), { name: 'Library', gender: 'female', beds: 8 }],
  },
  {
    name: 'WAPDA Rest House Tarbela',
    kind: 'rest_house',
    tehsil: 'HRP-GHZ',
    address: 'Tarbela Colony, Ghazi',
    latitude: 34.065,
    longitude: 72.695,
    suitableForWomen: false,
    rooms: [{ name: 'Dormitory', gender: 'male', beds: 30 }],
  },
  {
    name: 'Govt. High School Beer',
    kind: 'school',
    tehsil: 'HRP-GHZ',
    address: 'Beer, Ghazi',
    latitude: 34.09,
    longitude: 72.8,
    suitableForWomen: false,
    rooms: classrooms(4, 10),
  },
  {
    name: 'Govt. High School Khanpur',
    kind: 'school',
    tehsil: 'HRP-KHP',
    address: 'Khanpur Road, Khanpur',
    latitude: 33.815,
    longitude: 72.928,
    suitableForWomen: true,
    rooms: [...classrooms(5, 12), { name: 'Library', gender: 'female', beds: 8 }],
  },
  {
    name: 'Rest House Khanpur',
    kind: 'rest_house',
    tehsil: 'HRP-KHP',
    address: 'Khanpur Dam, Khanpur',
    latitude: 33.806,
    longitude: 72.941,
    suitableForWomen: false,
    rooms: [{ name: 'Dormitory', gender: 'male', beds: 20 }],
  },
  {
    name: 'Govt. High School Najafpur',
    kind: 'school',
    tehsil: 'HRP-KHP',
    address: 'Najafpur, Khanpur',
    latitude: 33.88,
    longitude: 72.993,
    suitableForWomen: false,
    rooms: classrooms(3, 10),
  },
  {
    name: 'Govt. Middle School Jabri',
    kind: 'school',
    tehsil: 'HRP-KHP',
    address: 'Jabri, Khanpur',
    latitude: 33.926,
    longitude: 73.1,
    suitableForWomen: false,
    rooms: classrooms(3, 10),
  },
];
