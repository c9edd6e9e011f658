import type { Key } from './i18n';

export const CHECKS = ['briefed', 'transported', 'lodged', 'fed'] as const;
export type Check = (typeof CHECKS)[number];
export type Colour = 'green' | 'amber' | 'red';

export interface Tally {
  ok: number;
  missing: number;
  percentOk: number;
}

export interface Group {
  name: string | null;
  assignments: number;
  green: number;
  amber: number;
  red: number;
  percentReady: number;
  checks: Record<Check, Tally>;
}

export interface Summary {
  districtId: string;
  at: string;
  totals: { assignments: number; green: number; amber: number; red: number; ready: number; percentReady: number };
  checks: Record<Check, Tally>;
  byTehsil: (Group & { tehsilId: string })[];
  byPoliceStation: (Group & { policeStationId: string; tehsilId: string })[];
  freshness: {
    service: string;
    lastEventAt: string | null;
    appliedAt: string | null;
    behindEvents: number;
    behindSeconds: number;
  }[];
}

export interface ReadinessPost extends Omit<Group, 'name'> {
  postId: string;
  code: string;
  name: string;
  tehsilId: string;
  policeStationId: string;
  latitude: number | null;
  longitude: number | null;
  colour: Colour;
}

export interface Gap {
  assignmentId: string;
  personnel: { id: string; name: string | null; rank: string | null; serviceNumber: string | null };
  post: { id: string; code: string | null; name: string | null };
  startsAt: string;
  endsAt: string;
  colour: 'amber' | 'red';
  missing: { check: Check; code: string; text: string }[];
}

/** A group's colour: its worst assignment's. */
export function worst(group: { red: number; amber: number; assignments: number }): Colour | null {
  if (group.assignments === 0) {
    return null;
  }
  return group.red > 0 ? 'red' : group.amber > 0 ? 'amber' : 'green';
}

export const checkKey = (check: Check): Key => check;
