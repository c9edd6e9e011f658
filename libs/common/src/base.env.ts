import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { DEFAULT_TIME_ZONE } from '@rasad/duty-assignments';
import { LOG_FORMATS, LogFormat } from './logging';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Settings every Rasad process reads. */
export class BaseEnv {
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/rasad';

  /** Creates the database, roles and tables; DATABASE_URL when unset. In production DATABASE_URL is the service's role. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_ADMIN_URL must be a postgres:// URL' })
  DATABASE_ADMIN_URL?: string;

  @Matches(/^(nats|tls|ws|wss):\/\/[^,]+(,(nats|tls|ws|wss):\/\/[^,]+)*$/, {
    message: 'NATS_URL must be one or more nats:// URLs separated by commas',
  })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  @IsOptional()
  @IsString()
  NATS_USER?: string;

  @IsOptional()
  @IsString()
  NATS_PASSWORD?: string;

  @IsInt({ message: 'NATS_REQUEST_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100)
  @Max(600_000)
  NATS_REQUEST_TIMEOUT_MS: number = 10_000;

  /** Write logs to this file instead of stdout. */
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  /** `pretty` or `json`; by default pretty when stdout is a terminal, JSON lines otherwise (and always in LOG_FILE). */
  @IsOptional()
  @IsIn(LOG_FORMATS, { message: `LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}` })
  LOG_FORMAT?: LogFormat;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** JetStream replicas of RASAD_EVENTS; 3 on a three-node cluster. */
  @IsInt()
  @Min(1)
  @Max(5)
  NATS_STREAM_REPLICAS: number = 1;

  @IsString()
  RASAD_TIME_ZONE: string = DEFAULT_TIME_ZONE;

  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_MAX: number = 10;

  /** Days a sent outbox row is kept (the stream holds the event itself); 0 keeps them for ever. */
  @IsInt({ message: 'RETENTION_OUTBOX_DAYS must be a whole number of days (0: keep for ever)' })
  @Min(0)
  RETENTION_OUTBOX_DAYS: number = 30;

  /**
   * Days an inbox row (an applied event's id) is kept; 0 keeps them for ever. It must outlive every copy of the event
   * the stream could still deliver, so at least the stream's max age plus a day (createService checks it).
   */
  @IsInt({ message: 'RETENTION_INBOX_DAYS must be a whole number of days (0: keep for ever)' })
  @Min(0)
  RETENTION_INBOX_DAYS: number = 91;

  /** Rows deleted per statement by the retention worker. */
  @IsInt({ message: 'RETENTION_BATCH must be a whole number of rows' })
  @Min(10)
  @Max(100_000)
  RETENTION_BATCH: number = 1000;

  /** The wait between retention rounds once nothing old is left. */
  @IsInt({ message: 'RETENTION_INTERVAL_MS must be a whole number of milliseconds' })
  @Min(1000)
  RETENTION_INTERVAL_MS: number = 3_600_000;
}
