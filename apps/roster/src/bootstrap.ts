import { MikroORM } from '@mikro-orm/postgresql';
import { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { checkNats, migrateWithLock, preparePostgres } from '@rasad/common';
import { natsServerStrategy } from '@rasad/messaging';
import { QueueGroups } from '@rasad/contracts';
import { RosterEnv } from './roster.env';
import { RosterModule } from './roster.module';
import { SeedService } from './seed/seed.service';

/** Creates the roster service, migrated, connected to NATS but not yet listening. */
export async function createRoster(env: RosterEnv): Promise<INestMicroservice> {
  await preparePostgres(env.DATABASE_URL);
  await checkNats(env.NATS_URL, { user: env.NATS_USER, pass: env.NATS_PASSWORD });
  const app = await NestFactory.createMicroservice(RosterModule.forRoot(env), {
    ...natsServerStrategy(
      { url: env.NATS_URL, name: 'roster', user: env.NATS_USER, pass: env.NATS_PASSWORD },
      QueueGroups.roster,
    ),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await migrateWithLock(app.get(MikroORM), env.DATABASE_URL, 'roster');
  return app;
}

export async function seedDemo(app: INestMicroservice, onlyIfEmpty: boolean): Promise<void> {
  await app.get(SeedService).loadHaripur({ onlyIfEmpty });
}
