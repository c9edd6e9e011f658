import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  ValidationArguments,
  registerDecorator,
} from 'class-validator';
import { BaseEnv } from '@rasad/common';
import { NOTICE_CHANNELS, NoticeChannel } from '@rasad/contracts';

/**
 * Where notices go must be https: a plain http hop carries phones and texts (and the webhook's signed body) in the
 * clear. WEBHOOK_ALLOW_HTTP=true lets a developer point both at a receiver on their own machine.
 */
function IsDeliveryUrl(variable: string, neededWhen: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDeliveryUrl',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${variable} must be an https:// URL (needed when ${neededWhen}; http:// only with WEBHOOK_ALLOW_HTTP=true, for local development)`,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const allowHttp = (args.object as NotifierEnv).WEBHOOK_ALLOW_HTTP === 'true';
          return typeof value === 'string' && (allowHttp ? /^https?:\/\/\S+$/ : /^https:\/\/\S+$/).test(value);
        },
      },
    });
}

export const DEFAULT_SMS_BODY_TEMPLATE = '{"to":"{{to}}","text":"{{text}}","reference":"{{reference}}"}';

/**
 * The notifier's settings. A channel is "configured" when its variables are set; the deployment's default channel
 * must be, and so must any channel a person picks.
 */
export class NotifierEnv extends BaseEnv {
  @IsIn(NOTICE_CHANNELS, { message: `NOTIFY_CHANNEL must be one of ${NOTICE_CHANNELS.join(', ')}` })
  NOTIFY_CHANNEL: NoticeChannel = 'log';

  /** Plain http for WEBHOOK_URL and SMS_GATEWAY_URL: only for a receiver on a developer's machine. */
  @IsIn(['true', 'false'], { message: 'WEBHOOK_ALLOW_HTTP must be true or false' })
  WEBHOOK_ALLOW_HTTP: 'true' | 'false' = 'false';

  @ValidateIf((env: NotifierEnv) => env.NOTIFY_CHANNEL === 'sms' || env.SMS_GATEWAY_URL !== undefined)
  @IsDeliveryUrl('SMS_GATEWAY_URL', 'NOTIFY_CHANNEL=sms')
  SMS_GATEWAY_URL?: string;

  /** One header sent with every SMS request, "Name: value", e.g. "Authorization: Bearer …". */
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]+:\s*\S.*$/, { message: 'SMS_GATEWAY_AUTH_HEADER must look like "Name: value"' })
  SMS_GATEWAY_AUTH_HEADER?: string;

  /** The JSON body of an SMS request; {{to}}, {{text}} and {{reference}} are replaced by JSON-escaped values. */
  @IsString()
  SMS_BODY_TEMPLATE: string = DEFAULT_SMS_BODY_TEMPLATE;

  @ValidateIf((env: NotifierEnv) => env.NOTIFY_CHANNEL === 'webhook' || env.WEBHOOK_URL !== undefined)
  @IsDeliveryUrl('WEBHOOK_URL', 'NOTIFY_CHANNEL=webhook')
  WEBHOOK_URL?: string;

  @ValidateIf((env: NotifierEnv) => env.NOTIFY_CHANNEL === 'webhook' || env.WEBHOOK_SECRET !== undefined)
  @IsString({ message: 'WEBHOOK_SECRET must be set (needed when NOTIFY_CHANNEL=webhook)' })
  @MinLength(32, { message: 'WEBHOOK_SECRET must be at least 32 characters' })
  WEBHOOK_SECRET?: string;

  @IsInt({ message: 'NOTIFY_POLL_MS must be a whole number of milliseconds' })
  @Min(10)
  @Max(60_000)
  NOTIFY_POLL_MS: number = 500;

  @IsInt({ message: 'NOTIFY_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100)
  @Max(120_000)
  NOTIFY_TIMEOUT_MS: number = 5000;

  /** The first retry waits this long; each next one twice as long, up to NOTIFY_BACKOFF_MAX_MS. */
  @IsInt({ message: 'NOTIFY_BACKOFF_MS must be a whole number of milliseconds' })
  @Min(1)
  NOTIFY_BACKOFF_MS: number = 1000;

  @IsInt({ message: 'NOTIFY_BACKOFF_MAX_MS must be a whole number of milliseconds' })
  @Min(1)
  NOTIFY_BACKOFF_MAX_MS: number = 300_000;

  @IsInt({ message: 'NOTIFY_MAX_ATTEMPTS must be a whole number' })
  @Min(1)
  @Max(100)
  NOTIFY_MAX_ATTEMPTS: number = 5;

  /** Notices sent at once by one replica (each batch holds its rows locked while it sends). */
  @IsInt({ message: 'NOTIFY_BATCH must be a whole number' })
  @Min(1)
  @Max(500)
  NOTIFY_BATCH: number = 20;

  /** Days a notice whose delivery is over (sent, or failed for good) is kept; 0 keeps them for ever. */
  @IsInt({ message: 'RETENTION_NOTICE_DAYS must be a whole number of days (0: keep for ever)' })
  @Min(0)
  RETENTION_NOTICE_DAYS: number = 90;
}

/** Which channels this deployment can send on: the ones whose variables are set (log always). */
export function configuredChannels(env: NotifierEnv): Set<NoticeChannel> {
  const channels = new Set<NoticeChannel>(['log']);
  if (env.SMS_GATEWAY_URL) {
    channels.add('sms');
  }
  if (env.WEBHOOK_URL && env.WEBHOOK_SECRET) {
    channels.add('webhook');
  }
  return channels;
}

/** Why a channel cannot be used, naming the variables it lacks. */
export function missingChannelSettings(channel: NoticeChannel): string {
  switch (channel) {
    case 'sms':
      return 'channel sms is not configured: set SMS_GATEWAY_URL';
    case 'webhook':
      return 'channel webhook is not configured: set WEBHOOK_URL and WEBHOOK_SECRET';
    case 'log':
      return 'channel log is always configured';
  }
}
