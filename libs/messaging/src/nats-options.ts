import { NatsOptions, Transport } from '@nestjs/microservices';

export interface NatsSettings {
  url: string;
  name: string;
  user?: string;
  pass?: string;
}

/**
 * Reconnect forever: a broker outage must never leave a service silently disconnected. No async traces: nats.js
 * would otherwise build an Error per request and per subscription timer just in case it failed (2% of the gateway's
 * CPU under load); a failed request becomes a coded DomainError anyway, whose message names the subject.
 */
export function natsConnectionOptions(settings: NatsSettings) {
  return {
    servers: settings.url.split(','),
    name: settings.name,
    user: settings.user,
    pass: settings.pass,
    maxReconnectAttempts: -1,
    waitOnFirstConnect: true,
    reconnectTimeWait: 1000,
    noAsyncTraces: true,
  };
}

export function natsServerOptions(settings: NatsSettings, queue: string): NatsOptions {
  return { transport: Transport.NATS, options: { ...natsConnectionOptions(settings), queue } };
}
