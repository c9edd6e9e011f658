export type DemoForce = 'police' | 'elite_force' | 'frontier_corps' | 'volunteers';
export type DemoPostKind =
  'polling_station' | 'checkpoint' | 'strong_room' | 'qrf_post' | 'control_room' | 'dro_office';
export type DemoCategory = 'A' | 'B' | 'C';
export type DemoRank =
  | 'constable'
  | 'head_constable'
  | 'asi'
  | 'si'
  | 'inspector'
  | 'dsp'
  | 'elite_constable'
  | 'fc_sepoy'
  | 'fc_naik'
  | 'fc_havildar'
  | 'volunteer';
export type DemoGender = 'male' | 'female';
export type DemoTravelMode = 'provided' | 'self';
export type DemoLanguage = 'en' | 'ur';
export type DemoRole = 'in_charge' | 'guard' | 'qrf' | 'driver' | 'reserve';
export type DemoPhase = 'poll_day' | 'pre_poll' | 'counting' | 'strong_room';
export type DemoStatus = 'planned' | 'confirmed';

export interface DemoDistrict {
  id: string;
  code: string;
  name: string;
  province: 'Khyber Pakhtunkhwa';
}

export interface DemoTehsil {
  id: string;
  districtId: string;
  code: string;
  name: string;
}

export interface DemoPoliceStation {
  id: string;
  districtId: string;
  tehsilId: string;
  code: string;
  name: string;
}

export interface DemoUnit {
  id: string;
  districtId: string;
  code: string;
  name: string;
  force: DemoForce;
}

export interface DemoPost {
  id: string;
  code: string;
  name: string;
  kind: DemoPostKind;
  category: DemoCategory | null;
  districtId: string;
  tehsilId: string;
  policeStationId: string;
  latitude: number | null;
  longitude: number | null;
  remote: boolean;
}

export interface DemoPersonnel {
  id: string;
  serviceNumber: string;
  name: string;
  rank: DemoRank;
  unitId: string;
  homeDistrictId: string;
  cnic: string;
  phone: string;
  gender: DemoGender;
  dietaryNeeds: string[];
  travelMode: DemoTravelMode;
  language: DemoLanguage;
}

export interface DemoAssignment {
  id: string;
  personnelId: string;
  postId: string;
  role: DemoRole;
  /** ISO 8601 with the +05:00 offset of Asia/Karachi. */
  startsAt: string;
  endsAt: string;
  phase: DemoPhase;
  status: DemoStatus;
}

export interface HaripurDemo {
  /** Haripur first, then the home districts of the personnel from outside it. */
  districts: DemoDistrict[];
  tehsils: DemoTehsil[];
  policeStations: DemoPoliceStation[];
  units: DemoUnit[];
  posts: DemoPost[];
  personnel: DemoPersonnel[];
  assignments: DemoAssignment[];
}

export interface HaripurDemoOptions {
  /** Local poll date, 'YYYY-MM-DD'; default '2027-02-08'. Every duty window moves with it. */
  pollDay?: string;
}
