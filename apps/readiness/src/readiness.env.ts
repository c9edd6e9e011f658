import { IsInt, Matches, Max, Min } from 'class-validator';
import { BaseEnv } from '@rasad/common';

/** The readiness service's settings: the shared ones (database, broker, logging), plus its contexts' own. */
export class ReadinessEnv extends BaseEnv {
  /** The local time (RASAD_TIME_ZONE) each district's daily digest goes out. */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'READINESS_DIGEST_AT must be a local time HH:MM, e.g. 20:00' })
  READINESS_DIGEST_AT: string = '20:00';

  /** How often the digest looks whether its time has come and which districts still wait for theirs. */
  @IsInt({ message: 'READINESS_DIGEST_POLL_MS must be a whole number of milliseconds' })
  @Min(50, { message: 'READINESS_DIGEST_POLL_MS must be at least 50' })
  @Max(3_600_000, { message: 'READINESS_DIGEST_POLL_MS must be at most 3600000' })
  READINESS_DIGEST_POLL_MS: number = 60_000;
}
