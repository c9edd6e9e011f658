import { IsIn } from 'class-validator';
import { BaseEnv } from '@rasad/common';

/** The meals service's settings: the shared ones (database, broker, logging, time zone), plus its own. */
export class MealsEnv extends BaseEnv {
  /** Adds the Haripur demo kitchens (one per tehsil and the police lines) to a service that has no kitchen yet. */
  @IsIn(['true', 'false'], { message: 'RASAD_DEMO_DATA must be true or false' })
  RASAD_DEMO_DATA: 'true' | 'false' = 'true';
}
