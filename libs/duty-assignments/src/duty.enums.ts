export const DEFAULT_TIME_ZONE = 'Asia/Karachi';

export const POST_KINDS = [
  'polling_station',
  'checkpoint',
  'strong_room',
  'qrf_post',
  'control_room',
  'dro_office',
] as const;
export type PostKind = (typeof POST_KINDS)[number];

// A is the most sensitive; only polling stations are categorised.
export const POST_CATEGORIES = ['A', 'B', 'C'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

export const DUTY_ROLES = ['in_charge', 'guard', 'qrf', 'driver', 'reserve'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

export const DUTY_PHASES = ['pre_poll', 'poll_day', 'counting', 'strong_room'] as const;
export type DutyPhase = (typeof DUTY_PHASES)[number];

export const DUTY_STATUSES = ['planned', 'confirmed', 'reported', 'relieved', 'cancelled'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

export function isActiveStatus(status: DutyStatus): boolean {
  return status !== 'cancelled';
}

export function postHasCategory(kind: PostKind): boolean {
  return kind === 'polling_station';
}
