import { MikroORM } from '@mikro-orm/postgresql';
import { DynamicModule, INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import {
  BaseEnv,
  checkNats,
  migrateWithLock,
  prepareDatabases,
  runWithServiceLogs,
  serviceLogger,
  withServiceLogs,
} from '@rasad/common';
import { queueGroupOf } from '@rasad/contracts';
import { inboxRetentionProblem } from './events/events-retention';
import { natsServerStrategy } from './rasad-nats-server';

/**
 * What every Rasad service does before it serves: check its database (creating it, and its own role when given an
 * admin URL) and its broker, build the Nest microservice on NATS in the service's queue group, log through pino, stop
 * on SIGTERM, and migrate its schema under the advisory lock (then stop, with --migrate-only). Returned not yet
 * listening, so a caller may seed or test first.
 */
export async function createService(service: string, module: DynamicModule, env: BaseEnv): Promise<INestMicroservice> {
  const logger = serviceLogger(service, env);
  const app = await withServiceLogs(logger, () => buildService(service, module, env));
  // What the app starts when it listens (workers, the consumer, NATS subscriptions) and what it logs as it stops run
  // with the service's logger too; once listening it says so in one line with `ready: true`, which `npm start` shows.
  return runWithServiceLogs(app, logger, ['init', 'listen', 'close'], () =>
    logger.info({ ready: true, context: 'Service' }, `ready: answering in queue group ${queueGroupOf(service)}`),
  );
}

async function buildService(service: string, module: DynamicModule, env: BaseEnv): Promise<INestMicroservice> {
  const retention = inboxRetentionProblem(env.RETENTION_INBOX_DAYS);
  if (retention) {
    throw new Error(`Invalid configuration: ${retention}`);
  }
  // Fails before any connection for a service whose contracts folder is not exported from libs/contracts.
  const queue = queueGroupOf(service);
  // Its schema and role: `lodging-desk` owns lodging_desk (a PostgreSQL name without quotes).
  await prepareDatabases(env, service.replaceAll('-', '_'));
  await checkNats(env.NATS_URL, { user: env.NATS_USER, pass: env.NATS_PASSWORD });
  const app = await NestFactory.createMicroservice(module, {
    ...natsServerStrategy({ url: env.NATS_URL, name: service, user: env.NATS_USER, pass: env.NATS_PASSWORD }, queue),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await migrateWithLock(app.get(MikroORM), env, service);
  return app;
}
