import { IsUUID } from 'class-validator';

/** `GET /readiness/stream`: the gateway's own route (no subject), the district whose verdict changes to stream. */
export class ReadinessStreamQuery {
  @IsUUID('all', { message: 'districtId must be a UUID' })
  districtId: string;
}
