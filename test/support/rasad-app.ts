import { INestMicroservice } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadEnv } from '@rasad/common';
import { NatsServerProcess, TestApi, TestDatabase, createTestDatabase, serviceUrls } from '@rasad/testing';
import { createGateway } from '../../apps/gateway/src/bootstrap';
import { GatewayEnv } from '../../apps/gateway/src/gateway.env';
import { createRoster } from '../../apps/roster/src/bootstrap';
import { RosterEnv } from '../../apps/roster/src/roster.env';

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
  /** The suite's own broker, when it asked for one. */
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
  /**
   * A nats-server of the suite's own (JetStream in a temp dir): needed by suites whose services consume events,
   * since the machine's stream keeps other suites' history and its request subjects are shared.
   */
  ownBroker?: boolean;
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
  const broker = options.ownBroker ? await NatsServerProcess.start() : undefined;
  const natsUrl = broker?.url ?? (await serviceUrls()).natsUrl;
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
