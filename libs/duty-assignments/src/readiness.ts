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

/** SQL expressions for `readinessColourSql`: each a fragment of the caller's query. */
export interface ReadinessColourSqlInput {
  /** How many things are missing (an integer expression). */
  missingCount: string;
  startsAt: string;
  now: string;
  amberHorizonHours?: number;
}

/**
 * `readinessColour` as a SQL expression, for reports that colour many verdicts at once for a time of their choosing;
 * `readiness.sql.spec.ts` holds the two to the same answers.
 */
export function readinessColourSql({
  missingCount,
  startsAt,
  now,
  amberHorizonHours = 24,
}: ReadinessColourSqlInput): string {
  const horizonMs = Number(amberHorizonHours) * MS_PER_HOUR;
  if (!Number.isFinite(horizonMs)) {
    throw new Error(`Invalid amber horizon ${amberHorizonHours}`);
  }
  // startsAt - now > horizon, as a comparison of instants: no arithmetic on each row's start.
  return `(case when (${missingCount}) = 0 then 'green'
    when (${startsAt}) > (${now}) + make_interval(secs => ${horizonMs / 1000}) then 'amber'
    else 'red' end)`;
}
