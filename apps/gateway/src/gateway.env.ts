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

  /** The built web console (`npm run build`), served under `/`; relative to the working directory. */
  @IsString()
  CONSOLE_DIR: string = 'dist/console';

  /** Signs access tokens; set the same long random value on every gateway replica. */
  @IsOptional()
  @IsString()
  @Length(32, 512, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsInt()
  @Min(60)
  @Max(86_400)
  JWT_TTL_SECONDS: number = 900;

  /** How long a session lasts from sign-in, however often its access token is refreshed (a working day). */
  @IsInt()
  @Min(300)
  @Max(2_592_000)
  REFRESH_TTL_SECONDS: number = 43_200;

  /** The first admin's password, used only when no `admin` user exists yet. */
  @IsOptional()
  @IsString()
  @Length(12, 200, { message: 'RASAD_ADMIN_PASSWORD must be at least 12 characters' })
  RASAD_ADMIN_PASSWORD?: string;

  /**
   * Which proxies in front of the gateway may name the client in X-Forwarded-For: a hop count, or addresses and
   * CIDRs separated by commas. Unset, none is trusted and the client is the connection's address, so a forged
   * header cannot buy a fresh rate-limit budget.
   */
  @IsOptional()
  @Matches(/^(\d{1,2}|[0-9A-Fa-f.:/]+(,\s*[0-9A-Fa-f.:/]+)*)$/, {
    message: 'TRUST_PROXY must be a hop count or addresses/CIDRs separated by commas',
  })
  TRUST_PROXY?: string;

  /** Per client address (as TRUST_PROXY lets it be known). */
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_MINUTE: number = 10;

  /** Failed sign-ins one username may have per LOGIN_FAILURE_WINDOW_SECONDS, from whatever addresses. */
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_PER_USERNAME: number = 10;

  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_FAILURE_WINDOW_SECONDS: number = 900;

  /** argon2 hashes computed at once (each holds 19 MiB and a core); more wait in a queue of PASSWORD_HASH_QUEUE. */
  @IsInt()
  @Min(1)
  @Max(64)
  PASSWORD_HASHES_AT_ONCE: number = 2;

  @IsInt()
  @Min(0)
  @Max(10_000)
  PASSWORD_HASH_QUEUE: number = 32;

  @IsInt()
  @Min(1)
  IMPORTS_PER_MINUTE: number = 6;

  /** Requests for calendar feeds (public: the link is the key) per client address per minute. */
  @IsInt()
  @Min(1)
  CALENDAR_FEEDS_PER_MINUTE: number = 30;

  /** Services whose health `/health` reports (each answers `<service>.health.ping.v1`), comma-separated. */
  @Matches(/^[a-z][a-z-]*(,[a-z][a-z-]*)*$/, {
    message: 'RASAD_SERVICES must be service names separated by commas',
  })
  RASAD_SERVICES: string = 'roster,briefings,notifier,meals,lodging,transport,readiness';

  /** Services with event handlers, whose dead letters the admin API lists, comma-separated; `none` for none. */
  @Matches(/^(none|[a-z][a-z-]*(,[a-z][a-z-]*)*)$/, {
    message: 'RASAD_EVENT_CONSUMERS must be service names separated by commas, or none',
  })
  RASAD_EVENT_CONSUMERS: string = 'briefings,notifier,meals,lodging,transport,readiness';

  @IsInt()
  @Min(1)
  @Max(2048)
  IMPORT_MAX_MB: number = 200;

  /** The largest one CSV row may be: a giant cell is refused naming its row, instead of growing the gateway's memory. */
  @IsInt()
  @Min(1)
  @Max(10_240)
  IMPORT_MAX_ROW_KB: number = 64;

  @IsInt()
  @Min(1)
  @Max(10_240)
  // A district's day of trips to accept at once is ~320 KB (the Haripur demo); NATS carries up to 1 MB a message.
  BODY_LIMIT_KB: number = 768;

  /** Days an audit entry is kept; 0 keeps them for ever. Backups (`npm run backup`) keep what is older. */
  @IsInt({ message: 'RETENTION_AUDIT_DAYS must be a whole number of days (0: keep for ever)' })
  @Min(0)
  RETENTION_AUDIT_DAYS: number = 365;
}
