// Ordered junior to senior; other forces' ranks sit beside their police equivalent.
export const RANKS = [
  'volunteer',
  'constable',
  'elite_constable',
  'fc_sepoy',
  'head_constable',
  'fc_lance_naik',
  'fc_naik',
  'asi',
  'fc_havildar',
  'si',
  'fc_naib_subedar',
  'inspector',
  'fc_subedar',
  'dsp',
  'sp',
] as const;

export type Rank = (typeof RANKS)[number];

const SENIORITY: Record<Rank, number> = {
  volunteer: 0,
  constable: 1,
  elite_constable: 1,
  fc_sepoy: 1,
  head_constable: 2,
  fc_lance_naik: 2,
  fc_naik: 2,
  asi: 3,
  fc_havildar: 3,
  si: 4,
  fc_naib_subedar: 4,
  inspector: 5,
  fc_subedar: 5,
  dsp: 6,
  sp: 7,
};

export const RANK_LABELS: Record<Rank, string> = {
  volunteer: 'Volunteer',
  constable: 'Constable',
  elite_constable: 'Elite Constable',
  fc_sepoy: 'FC Sepoy',
  head_constable: 'Head Constable',
  fc_lance_naik: 'FC Lance Naik',
  fc_naik: 'FC Naik',
  asi: 'ASI',
  fc_havildar: 'FC Havildar',
  si: 'SI',
  fc_naib_subedar: 'FC Naib Subedar',
  inspector: 'Inspector',
  fc_subedar: 'FC Subedar',
  dsp: 'DSP',
  sp: 'SP',
};

export function isRank(value: unknown): value is Rank {
  return typeof value === 'string' && (RANKS as readonly string[]).includes(value);
}

export function rankOrder(rank: Rank): number {
  return SENIORITY[rank];
}

export function compareRanks(a: Rank, b: Rank): number {
  return rankOrder(a) - rankOrder(b);
}

export function isSenior(a: Rank, b: Rank): boolean {
  return compareRanks(a, b) > 0;
}
