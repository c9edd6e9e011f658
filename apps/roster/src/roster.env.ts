import { IsIn } from 'class-validator';
import { BaseEnv } from '@rasad/common';

export class RosterEnv extends BaseEnv {
  /** On start-up, load the Haripur demo district into an empty database. */
  @IsIn(['true', 'false'], { message: 'RASAD_DEMO_DATA must be true or false' })
  RASAD_DEMO_DATA: 'true' | 'false' = 'true';
}
