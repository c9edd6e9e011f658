import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { BaseEnv } from '@rasad/common';

export class GatewayEnv extends BaseEnv {
  @IsInt({ message: 'PORT must be a port number' })
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '127.0.0.1';

  /** Services with event handlers, whose dead letters the admin API lists, comma-separated. */
  @Matches(/^([a-z][a-z-]*(,[a-z][a-z-]*)*)?$/, {
    message: 'RASAD_EVENT_CONSUMERS must be service names separated by commas',
  })
  RASAD_EVENT_CONSUMERS: string = '';

  @IsInt()
  @Min(1)
  @Max(2048)
  IMPORT_MAX_MB: number = 200;

  @IsInt()
  @Min(1)
  @Max(10_240)
  BODY_LIMIT_KB: number = 256;
}
