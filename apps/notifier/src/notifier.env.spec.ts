import { loadEnv } from '@rasad/common';
import { NotifierEnv, configuredChannels } from './notifier.env';

const SECRET = 'x'.repeat(32);

describe('NotifierEnv', () => {
  it('defaults to the log channel, with nothing else to set', () => {
    const env = loadEnv(NotifierEnv, {});
    expect(env).toMatchObject({
      NOTIFY_CHANNEL: 'log',
      NOTIFY_POLL_MS: 500,
      NOTIFY_TIMEOUT_MS: 5000,
      NOTIFY_BACKOFF_MS: 1000,
      NOTIFY_MAX_ATTEMPTS: 5,
      RASAD_TIME_ZONE: 'Asia/Karachi',
    });
    expect([...configuredChannels(env)]).toEqual(['log']);
  });

  it('names the missing variable for the chosen channel', () => {
    expect(() => loadEnv(NotifierEnv, { NOTIFY_CHANNEL: 'sms' })).toThrow(/SMS_GATEWAY_URL must be/);
    expect(() => loadEnv(NotifierEnv, { NOTIFY_CHANNEL: 'webhook', WEBHOOK_SECRET: SECRET })).toThrow(
      /WEBHOOK_URL must be/,
    );
    expect(() => loadEnv(NotifierEnv, { NOTIFY_CHANNEL: 'webhook', WEBHOOK_URL: 'https://hooks.local/x' })).toThrow(
      /WEBHOOK_SECRET must be set/,
    );
    expect(() =>
      loadEnv(NotifierEnv, {
        NOTIFY_CHANNEL: 'webhook',
        WEBHOOK_URL: 'https://hooks.local/x',
        WEBHOOK_SECRET: 'short',
      }),
    ).toThrow(/WEBHOOK_SECRET must be at least 32 characters/);
    expect(() => loadEnv(NotifierEnv, { NOTIFY_CHANNEL: 'pigeon' })).toThrow(/NOTIFY_CHANNEL must be one of/);
    expect(() => loadEnv(NotifierEnv, { SMS_GATEWAY_AUTH_HEADER: 'no colon' })).toThrow(/SMS_GATEWAY_AUTH_HEADER/);
  });

  it('counts a channel as configured when its settings are there, whatever the default', () => {
    const env = loadEnv(NotifierEnv, {
      SMS_GATEWAY_URL: 'https://sms.local/send',
      WEBHOOK_URL: 'https://hooks.local/rasad',
      WEBHOOK_SECRET: SECRET,
    });
    expect(env.NOTIFY_CHANNEL).toBe('log');
    expect([...configuredChannels(env)].sort()).toEqual(['log', 'sms', 'webhook']);
  });

  it('refuses plain http for where notices go, naming the variable, unless allowed for local development', () => {
    const webhook = { NOTIFY_CHANNEL: 'webhook', WEBHOOK_URL: 'http://hooks.example.pk/rasad', WEBHOOK_SECRET: SECRET };
    const refusal = () => loadEnv(NotifierEnv, webhook);
    expect(refusal).toThrow(
      'Invalid configuration: WEBHOOK_URL must be an https:// URL (needed when NOTIFY_CHANNEL=webhook; http:// only with WEBHOOK_ALLOW_HTTP=true, for local development)',
    );
    expect(() => loadEnv(NotifierEnv, { SMS_GATEWAY_URL: 'http://sms.example.pk/send' })).toThrow(
      /^Invalid configuration: SMS_GATEWAY_URL must be an https:\/\/ URL/,
    );
    expect(() => loadEnv(NotifierEnv, { NOTIFY_CHANNEL: 'sms', SMS_GATEWAY_URL: 'ftp://sms.example.pk' })).toThrow(
      /SMS_GATEWAY_URL must be an https/,
    );

    const local = loadEnv(NotifierEnv, {
      ...webhook,
      SMS_GATEWAY_URL: 'http://127.0.0.1:9000/send',
      WEBHOOK_ALLOW_HTTP: 'true',
    });
    expect([...configuredChannels(local)].sort()).toEqual(['log', 'sms', 'webhook']);
    expect(() => loadEnv(NotifierEnv, { ...webhook, WEBHOOK_ALLOW_HTTP: 'yes' })).toThrow(
      /WEBHOOK_ALLOW_HTTP must be true or false/,
    );
    expect(() => loadEnv(NotifierEnv, { ...webhook, WEBHOOK_URL: 'https://hooks.example.pk/rasad' })).not.toThrow();
  });
});
