import { MikroORM } from '@mikro-orm/postgresql';
import { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { checkNats, migrateWithLock, preparePostgres } from '@rasad/common';
import { natsServerStrategy } from '@rasad/messaging';
import { QueueGroups } from '@rasad/contracts';
import { BriefingsEnv } from './briefings.env';
import { BriefingsModule } from './briefings.module';

/** Creates the briefings service, migrated, connected to NATS but not yet listening. */
export async function createBriefings(env: BriefingsEnv): Promise<INestMicroservice> {
  await preparePostgres(env.DATABASE_URL);
  await checkNats(env.NATS_URL, { user: env.NATS_USER, pass: env.NATS_PASSWORD });
  const app = await NestFactory.createMicroservice(BriefingsModule.forRoot(env), {
    ...natsServerStrategy(
      { url: env.NATS_URL, name: 'briefings', user: env.NATS_USER, pass: env.NATS_PASSWORD },
      QueueGroups.briefings,
    ),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await migrateWithLock(app.get(MikroORM), env.DATABASE_URL, 'briefings');
  return app;
}
