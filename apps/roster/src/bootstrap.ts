import { MikroORM } from '@mikro-orm/postgresql';
import { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { Client } from 'pg';
import { checkNats, preparePostgres } from '@rasad/common';
import { natsServerOptions } from '@rasad/messaging';
import { QueueGroups } from '@rasad/contracts';
import { RosterEnv } from './roster.env';
import { RosterModule } from './roster.module';
import { SeedService } from './seed/seed.service';

/** Creates the roster service, migrated, connected to NATS but not yet listening. */
export async function createRoster(env: RosterEnv): Promise<INestMicroservice> {
  await preparePostgres(env.DATABASE_URL);
  await checkNats(env.NATS_URL, { user: env.NATS_USER, pass: env.NATS_PASSWORD });
  const app = await NestFactory.createMicroservice(RosterModule.forRoot(env), {
    ...natsServerOptions(
      { url: env.NATS_URL, name: 'roster', user: env.NATS_USER, pass: env.NATS_PASSWORD },
      QueueGroups.roster,
    ),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await migrate(app.get(MikroORM), env.DATABASE_URL);
  return app;
}

/** Replicas starting together take turns: the advisory lock serialises their migrations. */
async function migrate(orm: MikroORM, databaseUrl: string): Promise<void> {
  const lock = new Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query("select pg_advisory_lock(hashtext('rasad.roster.migrations'))");
    await orm.getMigrator().up();
  } finally {
    await lock.end();
  }
}

export async function seedDemo(app: INestMicroservice, onlyIfEmpty: boolean): Promise<void> {
  await app.get(SeedService).loadHaripur({ onlyIfEmpty });
}
