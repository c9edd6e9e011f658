import { INestMicroservice } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadEnv } from '@rasad/common';
// The harness starts the real apps, so it is the one library that knows them; imported as @rasad/testing/rasad-app
// (not from the index) so that unit specs using @rasad/testing do not load every app.
import { createGateway } from '../../../apps/gateway/src/bootstrap';
import { GatewayEnv } from '../../../apps/gateway/src/gateway.env';
import { createRoster } from '../../../apps/roster/src/bootstrap';
import { RosterEnv } from '../../../apps/roster/src/roster.env';
import { TestApi } from './http-client';
import { NatsServerProcess } from './nats-server';
import { TestDatabase, createTestDatabase } from './services';

export const TEST_ADMIN_PASSWORD = 'admin-password-for-tests';

export interface RunningRasad {
  /** Signed in as the first admin. */
  api: TestApi;
  /** No token at all. */
  anonymous: TestApi;
  database: TestDatabase;
  roster: INestMicroservice;
  gateway: NestFastifyApplication;
  /** The extra services, in the order they were given. */
  services: INestMicroservice[];
  /** The suite's own broker (absent when the suite passed a NATS_URL of its own). */
  broker?: NatsServerProcess;
  /** What every app was started with: DATABASE_URL, NATS_URL, LOG_LEVEL and the suite's env. */
  commonEnv: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts one more service (briefings, notifier, …) against the suite's database and broker, not yet listening. */
export type ServiceFactory = (commonEnv: Record<string, string>) => Promise<INestMicroservice>;

export interface RasadOptions {
  /** Services besides the roster and the gateway; each is started, then listens, before the gateway. */
  services?: ServiceFactory[];
}

/** The gateway and the roster in this process, over real HTTP, NATS and PostgreSQL, on a database of the suite's own. */
export interface PerApp {
  roster?: Record<string, string>;
  gateway?: Record<string, string>;
}

export async function startRasad(
  suite: string,
  env: Record<string, string> = {},
  perApp: PerApp = {},
  options: RasadOptions = {},
): Promise<RunningRasad> {
  // Every suite gets a nats-server of its own (JetStream in a temp dir) unless it brings one: the machine's stream
  // keeps every earlier run's history and its request subjects are shared, so suites (and parallel runs) would
  // answer each other's requests and read each other's events.
  const broker = env.NATS_URL ? undefined : await NatsServerProcess.start();
  const natsUrl = env.NATS_URL ?? broker!.url;
  const database = await createTestDatabase(suite);
  const common: Record<string, string> = {
    DATABASE_URL: database.url,
    NATS_URL: natsUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...env,
  };
  let roster: INestMicroservice | undefined;
  let gateway: NestFastifyApplication | undefined;
  const services: INestMicroservice[] = [];
  const stopAll = async () => {
    await gateway?.close();
    for (const service of [...services].reverse()) {
      await service.close();
    }
    await roster?.close();
    await database.drop();
    await broker?.stop();
  };
  try {
    roster = await createRoster(loadEnv(RosterEnv, { RASAD_DEMO_DATA: 'false', ...common, ...perApp.roster }));
    await roster.listen();
    for (const factory of options.services ?? []) {
      const service = await factory(common);
      services.push(service);
      await service.listen();
    }
    gateway = await createGateway(
      loadEnv(GatewayEnv, {
        RASAD_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
        JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256',
        LOGIN_ATTEMPTS_PER_MINUTE: '1000',
        IMPORTS_PER_MINUTE: '1000',
        // Suites that start more services name them; by default only the roster runs and consumes nothing.
        RASAD_SERVICES: 'roster',
        RASAD_EVENT_CONSUMERS: 'none',
        ...common,
        ...perApp.gateway,
        PORT: '0',
      }),
    );
    await gateway.listen(0, '127.0.0.1');
  } catch (error) {
    await stopAll();
    throw error;
  }
  const address = gateway.getHttpServer().address() as { port: number };
  const anonymous = new TestApi(`http://127.0.0.1:${address.port}`);
  return {
    api: await anonymous.login('admin', TEST_ADMIN_PASSWORD),
    anonymous,
    database,
    roster: roster,
    gateway: gateway,
    services,
    broker,
    commonEnv: common,
    stop: stopAll,
  };
}
