import { Options } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { DynamicModule, ForwardReference, Provider, Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { BaseEnv, RetentionRule, pinoParams } from '@rasad/common';
import { EventsModule } from './events/events.module';
import { EventsOptions } from './events/outbox';
import { healthController, serviceProviders } from './service-essentials';

type Importable = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

export interface ServiceModuleOptions<E extends BaseEnv> {
  /** The root module class the result belongs to, e.g. `RosterModule`. */
  module: Type<unknown>;
  /** The service's name: its logger's, its health subject's, its durable consumer's. */
  service: string;
  /** The service's own settings, provided under `envClass` to every module that asks for them. */
  env: E;
  envClass: abstract new () => E;
  /** The schema the service owns (its outbox, inbox and dead letters live there too). */
  schema: string;
  /** The service's MikroORM options, from its `mikro-orm.config.ts`. */
  orm: Options<PostgreSqlDriver>;
  /** The service's context modules. */
  imports: Importable[];
  /** Give it when the service handles events (`@OnEvent`): redelivery and dead-lettering of its handlers. */
  consumer?: EventsOptions['consumer'];
  /** Old rows of the service's own tables to purge besides its sent outbox and inbox rows (the notifier's notices). */
  retention?: RetentionRule[];
  /** Providers of the root module itself (e.g. the roster's seeder). */
  providers?: Provider[];
}

/**
 * The root module every Rasad service has: pino logging, its schema through MikroORM, its outbox/relay (and consumer,
 * when it handles events), the `<service>.health.ping.v1` answer, validation and coded errors around each message, and
 * its env. A service adds what is its own by spreading the result (`global`, `exports`, more providers).
 */
export function serviceModule<E extends BaseEnv>(options: ServiceModuleOptions<E>): DynamicModule {
  const { service, env } = options;
  return {
    module: options.module,
    imports: [
      LoggerModule.forRoot(pinoParams(service, env, false)),
      MikroOrmModule.forRoot(options.orm),
      ...options.imports,
      EventsModule.forRoot({
        service,
        schema: options.schema,
        databaseUrl: env.DATABASE_URL,
        nats: { url: env.NATS_URL, user: env.NATS_USER, pass: env.NATS_PASSWORD },
        streamReplicas: env.NATS_STREAM_REPLICAS,
        consumer: options.consumer,
        retention: {
          outboxDays: env.RETENTION_OUTBOX_DAYS,
          inboxDays: env.RETENTION_INBOX_DAYS,
          batch: env.RETENTION_BATCH,
          intervalMs: env.RETENTION_INTERVAL_MS,
          rules: options.retention,
        },
      }),
    ],
    controllers: [healthController(service)],
    providers: [...(options.providers ?? []), { provide: options.envClass, useValue: env }, ...serviceProviders()],
  };
}
