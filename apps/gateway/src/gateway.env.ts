import { IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, Min } from 'class-validator';
import { BaseEnv } from '@rasad/common';

export class GatewayEnv extends BaseEnv {
  @IsInt({ message: 'PORT must be a port number' })
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '127.0.0.1';

  /** Where people reach this gateway from outside: links sent to them (a calendar feed) are built on it. */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'PUBLIC_BASE_URL must be an http(s) URL, e.g. https://rasad.example.pk' },
  )
  PUBLIC_BASE_URL: string = 'http://127.0.0.1:3000';

  /** Signs access tokens; set the same long random value on every gateway replica. */
  @IsOptional()
  @IsString()
  @Length(32, 512, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsInt()
  @Min(60)
  @Max(86_400)
  JWT_TTL_SECONDS: number = 900;

  /** The first admin's password, used only when no `admin` user exists yet. */
  @IsOptional()
  @IsString()
  @Length(12, 200, { message: 'RASAD_ADMIN_PASSWORD must be at least 12 characters' })
  RASAD_ADMIN_PASSWORD?: string;

  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_MINUTE: number = 10;

  @IsInt()
  @Min(1)
  IMPORTS_PER_MINUTE: number = 6;

  /** Services whose health `/health` reports (each answers `<service>.health.ping.v1`), comma-separated. */
  @Matches(/^[a-z][a-z-]*(,[a-z][a-z-]*)*$/, {
    message: 'RASAD_SERVICES must be service names separated by commas',
  })
  RASAD_SERVICES: string = 'roster,briefings,notifier';

  /** Services with event handlers, whose dead letters the admin API lists, comma-separated; `none` for none. */
  @Matches(/^(none|[a-z][a-z-]*(,[a-z][a-z-]*)*)$/, {
    message: 'RASAD_EVENT_CONSUMERS must be service names separated by commas, or none',
  })
  RASAD_EVENT_CONSUMERS: string = 'briefings,notifier';

  @IsInt()
  @Min(1)
  @Max(2048)
  IMPORT_MAX_MB: number = 200;

  @IsInt()
  @Min(1)
  @Max(10_240)
  BODY_LIMIT_KB: number = 256;
}
