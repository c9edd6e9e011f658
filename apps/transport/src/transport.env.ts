import { BaseEnv } from '@rasad/common';
import { IsIn, IsInt, IsNumber, Max, Min } from 'class-validator';

/** The transport service's settings: the shared ones (database, broker, logging), plus the planner's estimates. */
export class TransportEnv extends BaseEnv {
  /** On start-up, give the roster's Haripur demo district a fleet, drivers and pickup points, if it has no vehicles. */
  @IsIn(['true', 'false'], { message: 'RASAD_DEMO_DATA must be true or false' })
  RASAD_DEMO_DATA: 'true' | 'false' = 'true';

  /** Average road speed the planner times trips by, km/h. */
  @IsInt({ message: 'TRANSPORT_AVERAGE_SPEED_KMH must be a whole number of km/h from 5 to 120' })
  @Min(5, { message: 'TRANSPORT_AVERAGE_SPEED_KMH must be a whole number of km/h from 5 to 120' })
  @Max(120, { message: 'TRANSPORT_AVERAGE_SPEED_KMH must be a whole number of km/h from 5 to 120' })
  TRANSPORT_AVERAGE_SPEED_KMH: number = 30;

  /** Roads are longer than the straight line between two coordinates: the planner multiplies by this. */
  @IsNumber({}, { message: 'TRANSPORT_ROAD_FACTOR must be a number from 1 to 3' })
  @Min(1, { message: 'TRANSPORT_ROAD_FACTOR must be a number from 1 to 3' })
  @Max(3, { message: 'TRANSPORT_ROAD_FACTOR must be a number from 1 to 3' })
  TRANSPORT_ROAD_FACTOR: number = 1.3;

  /** Minutes a vehicle stands at each stop. */
  @IsInt({ message: 'TRANSPORT_STOP_MINUTES must be a whole number of minutes from 0 to 60' })
  @Min(0, { message: 'TRANSPORT_STOP_MINUTES must be a whole number of minutes from 0 to 60' })
  @Max(60, { message: 'TRANSPORT_STOP_MINUTES must be a whole number of minutes from 0 to 60' })
  TRANSPORT_STOP_MINUTES: number = 5;
}
