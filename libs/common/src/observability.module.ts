import { MikroORM } from '@mikro-orm/postgresql';
import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Server } from 'node:http';
import { BaseEnv } from './base.env';
import { ServiceMetrics, metricsAddress, serveMetrics } from './metrics';
import { Tracing } from './tracing';

const OBSERVED = Symbol('OBSERVED');

interface Observed {
  service: string;
  env: BaseEnv;
}

/**
 * Metrics and traces for one process: its `ServiceMetrics` (with its database pool) served on METRICS_PORT, and its
 * `Tracing`, exporting when OTEL_EXPORTER_OTLP_ENDPOINT is set. Global, so the shared interceptors, the outbox, the
 * relay and the consumer find them without a service writing a line.
 */
@Module({})
export class ObservabilityModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Observability');
  private server?: Server;

  constructor(
    @Inject(OBSERVED) private readonly observed: Observed,
    private readonly metrics: ServiceMetrics,
    private readonly tracing: Tracing,
    private readonly orm: MikroORM,
  ) {}

  static forRoot(service: string, env: BaseEnv): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      providers: [
        { provide: OBSERVED, useValue: { service, env } },
        { provide: ServiceMetrics, useValue: new ServiceMetrics(service) },
        { provide: Tracing, useValue: new Tracing(service, env) },
      ],
      exports: [ServiceMetrics, Tracing],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.metrics.databasePool(this.orm);
    const { env, service } = this.observed;
    if (env.METRICS_PORT > 0) {
      // Their event-loop monitor ticks every 10 ms: not for a process whose metrics nobody reads.
      this.metrics.collectProcessMetrics();
      this.server = await serveMetrics(this.metrics, env.METRICS_PORT, env.METRICS_HOST);
      this.logger.log(`${service} metrics on ${metricsAddress(this.server)}`);
    }
    if (this.tracing.enabled) {
      this.logger.log(`${service} traces to ${env.OTEL_EXPORTER_OTLP_ENDPOINT}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
    await this.tracing.shutdown().catch(() => undefined);
  }
}
