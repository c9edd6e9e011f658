export type ReadinessColour = 'green' | 'amber' | 'red';

export interface ReadinessInput {
  missing: readonly string[];
  startsAt: Date;
  now: Date;
  amberHorizonHours?: number;
}

const MS_PER_HOUR = 60 * 60 * 1000;

export function readinessColour({ missing, startsAt, now, amberHorizonHours = 24 }: ReadinessInput): ReadinessColour {
  if (missing.length === 0) {
    return 'green';
  }
  return startsAt.getTime() - now.getTime() > amberHorizonHours * MS_PER_HOUR ? 'amber' : 'red';
}
