export interface DutyWindow {
  startsAt: Date;
  endsAt: Date;
}

export interface WindowLimits {
  maxHours: number;
}

export const DEFAULT_WINDOW_LIMITS: WindowLimits = { maxHours: 7 * 24 };

const MS_PER_HOUR = 60 * 60 * 1000;

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

export function windowError(window: DutyWindow, limits: WindowLimits = DEFAULT_WINDOW_LIMITS): string | null {
  if (!isValidDate(window.startsAt)) {
    return 'startsAt must be a valid date';
  }
  if (!isValidDate(window.endsAt)) {
    return 'endsAt must be a valid date';
  }
  if (window.endsAt.getTime() <= window.startsAt.getTime()) {
    return 'endsAt must be after startsAt';
  }
  if (durationHours(window) > limits.maxHours) {
    return `duty window must not be longer than ${limits.maxHours} hours`;
  }
  return null;
}

// Half-open: a relief starting the minute the previous shift ends is not a clash.
export function windowsOverlap(a: DutyWindow, b: DutyWindow): boolean {
  const [aStart, aEnd, bStart, bEnd] = [a.startsAt, a.endsAt, b.startsAt, b.endsAt].map((d) => d.getTime());
  return aStart < aEnd && bStart < bEnd && aStart < bEnd && bStart < aEnd;
}

export function durationHours(window: DutyWindow): number {
  return (window.endsAt.getTime() - window.startsAt.getTime()) / MS_PER_HOUR;
}
