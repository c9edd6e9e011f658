import { MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds: from 1 ms (a cached read) to 10 s (the request timeout). */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface PoolCounts {
  used: number;
  idle: number;
  waiting: number;
}

/**
 * One process's metrics, in a registry of its own labelled with the service: the e2e harness runs several services
 * in one process, and each must answer its own /metrics. Gauges read their value when scraped (`collect`), never by
 * a loop of their own.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly metrics = new Map<string, Counter | Gauge | Histogram>();
  private readonly pools = new Map<string, () => PoolCounts | null>();

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
  }

  /** prom-client's process metrics (CPU, memory, event-loop lag, GC) as `rasad_*`: only when they are served. */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry, prefix: 'rasad_' });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return this.once(name, () => new Counter<L>({ name, help, labelNames, registers: [this.registry] }));
  }

  histogram<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    buckets = LATENCY_BUCKETS,
  ): Histogram<L> {
    return this.once(name, () => new Histogram<L>({ name, help, labelNames, buckets, registers: [this.registry] }));
  }

  /**
   * A gauge whose values `read` gives at each scrape. A failing read (the database or broker down) leaves a labelled
   * gauge empty and an unlabelled one NaN for that scrape, never the last value or a 0 that would look healthy.
   */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: (gauge: Gauge<L>) => Promise<void> | void,
  ): Gauge<L> {
    return this.once(
      name,
      () =>
        new Gauge<L>({
          name,
          help,
          labelNames,
          registers: [this.registry],
          async collect() {
            this.reset();
            try {
              await read(this);
            } catch {
              if (labelNames.length === 0) {
                this.set(NaN);
              }
            }
          },
        }),
    );
  }

  /** The connection pool of the service's MikroORM (knex's, through its typed `client.pool`), read at each scrape. */
  databasePool(orm: MikroORM): void {
    this.poolGauge('orm', () => {
      const pool = (orm.em.getConnection().getKnex().client as Knex.Client).pool;
      return pool
        ? { used: pool.numUsed(), idle: pool.numFree(), waiting: pool.numPendingAcquires() + pool.numPendingCreates() }
        : null;
    });
  }

  /** A pool's connections by state (`used`, `idle`, `waiting` for one), under `pool`. */
  poolGauge(pool: string, read: () => PoolCounts | null): void {
    this.pools.set(pool, read);
    this.gauge('rasad_db_pool_connections', 'Database connections by pool and state', ['pool', 'state'], (gauge) => {
      for (const [name, readPool] of this.pools) {
        const counts = readPool();
        if (counts) {
          gauge.set({ pool: name, state: 'used' }, counts.used);
          gauge.set({ pool: name, state: 'idle' }, counts.idle);
          gauge.set({ pool: name, state: 'waiting' }, counts.waiting);
        }
      }
    });
  }

  private once<M extends Counter | Gauge | Histogram>(name: string, make: () => M): M {
    let metric = this.metrics.get(name);
    if (!metric) {
      metric = make();
      this.metrics.set(name, metric);
    }
    return metric as M;
  }
}

/** Runs `read` at most once per `ms`: several gauges filled by one query share a scrape's result. */
export function perScrape<T>(read: () => Promise<T>, ms = 1000): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at > ms) {
      last = { at: now, value: read() };
    }
    return last.value;
  };
}

/** `GET /metrics` on its own port: a plain HTTP server, so that services without HTTP need no framework for it. */
export async function serveMetrics(metrics: ServiceMetrics, port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

export function metricsAddress(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}/metrics`;
}
