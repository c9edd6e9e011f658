import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { BaseEnv } from '@rasad/common';

/** The lodging service's settings: the shared ones (database, broker, logging), plus its contexts' own. */
export class LodgingEnv extends BaseEnv {
  /** Loads the Haripur demo's sites, rooms and beds at start-up (unless Haripur has sites), beside the roster's demo. */
  @IsIn(['true', 'false'], { message: 'RASAD_DEMO_DATA must be true or false' })
  RASAD_DEMO_DATA: 'true' | 'false' = 'true';

  /**
   * Check-in: a person not checked in by this local time on a night's evening (or, before noon, the next morning)
   * loses that night's bed.
   */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'LODGING_CHECK_IN_CUTOFF must be a local time HH:MM, e.g. 23:00' })
  LODGING_CHECK_IN_CUTOFF: string = '23:00';

  /** Check-in: how often the no-show sweep looks for nights whose cut-off has passed. */
  @IsInt({ message: 'LODGING_SWEEP_POLL_MS must be a whole number of milliseconds' })
  @Min(50, { message: 'LODGING_SWEEP_POLL_MS must be at least 50' })
  @Max(3_600_000, { message: 'LODGING_SWEEP_POLL_MS must be at most 3600000' })
  LODGING_SWEEP_POLL_MS: number = 60_000;

  /** Auto-allocation: the farthest a site may be from the post, in kilometres, as the crow flies. */
  @IsInt({ message: 'LODGING_MAX_DISTANCE_KM must be a whole number of kilometres' })
  @Min(1, { message: 'LODGING_MAX_DISTANCE_KM must be at least 1' })
  @Max(500, { message: 'LODGING_MAX_DISTANCE_KM must be at most 500' })
  LODGING_MAX_DISTANCE_KM: number = 30;
}
