import {
  DynamicModule,
  Inject,
  Logger,
  Module,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { consumerStatusController } from './consumer-status.controller';
import { deadLettersController } from './dead-letters.controller';
import { DeadLettersRepository } from './dead-letters.repository';
import { DeadLettersService } from './dead-letters.service';
import { EventConsumer } from './event-consumer';
import { EventsConnection } from './events-connection';
import { EventsRetention } from './events-retention';
import { EVENTS_OPTIONS, EventsOptions, Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

const SHUTDOWN_TIMEOUT_MS = 10_000;

/** Outbox, relay, durable consumer and dead letters for one service. */
@Module({})
export class EventsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Events');

  constructor(
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly connection: EventsConnection,
    private readonly retention: EventsRetention,
    @Inject(EVENTS_OPTIONS) private readonly options: EventsOptions,
  ) {}

  static forRoot(options: EventsOptions): DynamicModule {
    return {
      module: EventsModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: options.consumer
        ? [deadLettersController(options.service), consumerStatusController(options.service)]
        : [],
      providers: [
        { provide: EVENTS_OPTIONS, useValue: options },
        EventsConnection,
        Outbox,
        OutboxRelay,
        EventConsumer,
        EventsRetention,
        DeadLettersRepository,
        DeadLettersService,
      ],
      exports: [Outbox, EventConsumer, DeadLettersService, EventsConnection],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connection.get();
    await this.relay.start();
    await this.consumer.start();
    await this.retention.start();
  }

  /** Stop taking work, finish what is in hand, drain NATS: bounded, so a stuck broker cannot hold a deploy. */
  async beforeApplicationShutdown(): Promise<void> {
    const stop = async () => {
      await this.retention.stop();
      await this.consumer.stop();
      await this.relay.stop();
      await this.connection.close();
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.logger.warn(`${this.options.service}: events did not stop within ${SHUTDOWN_TIMEOUT_MS} ms`);
        resolve();
      }, SHUTDOWN_TIMEOUT_MS).unref();
    });
    try {
      await Promise.race([stop(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
