import { INestMicroservice } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadEnv } from '@rasad/common';
import { TestApi, TestDatabase, createTestDatabase, serviceUrls } from '@rasad/testing';
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
  stop(): Promise<void>;
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
): Promise<RunningRasad> {
  const { natsUrl } = await serviceUrls();
  const database = await createTestDatabase(suite);
  const common = {
    DATABASE_URL: database.url,
    NATS_URL: natsUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...env,
  };
  let roster: INestMicroservice | undefined;
  let gateway: NestFastifyApplication | undefined;
  try {
    roster = await createRoster(loadEnv(RosterEnv, { RASAD_DEMO_DATA: 'false', ...common, ...perApp.roster }));
    await roster.listen();
    gateway = await createGateway(
      loadEnv(GatewayEnv, {
        RASAD_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
        JWT_SECRET: 'a-test-secret-that-is-long-enough-for-hs256',
        LOGIN_ATTEMPTS_PER_MINUTE: '1000',
        IMPORTS_PER_MINUTE: '1000',
        ...common,
        ...perApp.gateway,
        PORT: '0',
      }),
    );
    await gateway.listen(0, '127.0.0.1');
  } catch (error) {
    await gateway?.close();
    await roster?.close();
    await database.drop();
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
    stop: async () => {
      await gateway?.close();
      await roster?.close();
      await database.drop();
    },
  };
}
