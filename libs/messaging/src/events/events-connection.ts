import { Inject, Injectable, Logger } from '@nestjs/common';
import { Events, JetStreamClient, JetStreamManager, NatsConnection, connect } from 'nats';
import { EVENTS_OPTIONS, EventsOptions } from './outbox';
import { inboxPrefixFor, natsTlsFor } from '../nats-options';
import { ensureEventStream, requireEventStream } from './event-stream';

/** The service's own NATS connection for events, made once and shared by its relay and its consumer. */
@Injectable()
export class EventsConnection {
  private readonly logger = new Logger('Events');
  private connecting?: Promise<{ nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager }>;

  constructor(@Inject(EVENTS_OPTIONS) private readonly options: EventsOptions) {}

  get(): Promise<{ nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager }> {
    this.connecting ??= this.open();
    return this.connecting;
  }

  async close(): Promise<void> {
    if (!this.connecting) {
      return;
    }
    const { nc } = await this.connecting;
    if (!nc.isClosed()) {
      await nc.drain();
    }
  }

  private async open() {
    const { url, user, pass } = this.options.nats;
    const nc = await connect({
      servers: url.split(','),
      name: `${this.options.service}-events`,
      user,
      pass,
      // JetStream's API replies, publish acks and pulled events all come to this inbox: under credentials it is
      // the service's own (deploy/nats-server.conf).
      inboxPrefix: inboxPrefixFor(user),
      tls: natsTlsFor(url),
      maxReconnectAttempts: -1,
      waitOnFirstConnect: true,
      reconnectTimeWait: 500,
    });
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type === Events.Disconnect || status.type === Events.Reconnect) {
          this.logger.warn({ status: status.type, server: status.data }, `events connection ${status.type}`);
        }
      }
    })();
    const jsm = await nc.jetstreamManager();
    if (user) {
      await requireEventStream(jsm);
    } else {
      await ensureEventStream(jsm, this.options.streamReplicas ?? 1);
    }
    return { nc, js: nc.jetstream(), jsm };
  }
}
