import { IsInt, Matches, Max, Min } from 'class-validator';
import { BaseEnv } from '@rasad/common';

/** The briefings service's settings: the shared ones, plus those of its contexts. */
export class BriefingsEnv extends BaseEnv {
  /** Reminders: how long before a session each is due, in seconds, comma-separated (24 h and 2 h). */
  @Matches(/^\s*[1-9]\d{0,7}\s*(,\s*[1-9]\d{0,7}\s*)*$/, {
    message: 'REMINDER_OFFSETS must be whole seconds before a session (1 or more), comma-separated, e.g. 86400,7200',
  })
  REMINDER_OFFSETS: string = '86400,7200';

  /** Reminders: how often the scheduler looks for reminders that are due. */
  @IsInt({ message: 'REMINDER_POLL_MS must be a whole number of milliseconds' })
  @Min(50, { message: 'REMINDER_POLL_MS must be at least 50' })
  @Max(60_000, { message: 'REMINDER_POLL_MS must be at most 60000' })
  REMINDER_POLL_MS: number = 1000;
}
