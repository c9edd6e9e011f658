import { NatsOptions, Transport } from '@nestjs/microservices';

export interface NatsSettings {
  url: string;
  name: string;
  user?: string;
  pass?: string;
}

/**
 * Where a NATS user's replies arrive: `_INBOX_<user>.` under credentials, so that deploy/nats-server.conf can let
 * each user subscribe to its own inboxes only and no service reads the replies sent to another (the gateway's carry
 * CNICs). Without a user (a developer's broker) nats.js's shared `_INBOX.` is kept.
 */
export function inboxPrefixFor(user: string | undefined): string | undefined {
  return user ? `_INBOX_${user}` : undefined;
}

/**
 * `tls://` URLs demand TLS. nats.js upgrades to TLS whenever the server requires it, but refuses a server that does
 * not offer it (a plaintext impostor) only when given `tls` options; the CA is Node's (NODE_EXTRA_CA_CERTS adds one).
 */
export function natsTlsFor(url: string): Record<string, never> | undefined {
  return url.split(',').some((server) => server.trim().startsWith('tls://')) ? {} : undefined;
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
    inboxPrefix: inboxPrefixFor(settings.user),
    tls: natsTlsFor(settings.url),
    maxReconnectAttempts: -1,
    waitOnFirstConnect: true,
    reconnectTimeWait: 1000,
    noAsyncTraces: true,
  };
}

export function natsServerOptions(settings: NatsSettings, queue: string): NatsOptions {
  return { transport: Transport.NATS, options: { ...natsConnectionOptions(settings), queue } };
}
