import { MikroORM } from '@mikro-orm/postgresql';
import { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { checkNats, migrateWithLock, preparePostgres } from '@rasad/common';
import { natsServerStrategy } from '@rasad/messaging';
import { QueueGroups } from '@rasad/contracts';
import { checkSmsBodyTemplate } from './channels/sms-body';
import { checkTimeZone } from './templates/clock';
import { NotifierEnv } from './notifier.env';
import { NotifierModule } from './notifier.module';

/** Creates the notifier, migrated, connected to NATS but not yet listening; its dispatcher starts with the app. */
export async function createNotifier(env: NotifierEnv): Promise<INestMicroservice> {
  checkSmsBodyTemplate(env.SMS_BODY_TEMPLATE);
  checkTimeZone(env.RASAD_TIME_ZONE);
  await preparePostgres(env.DATABASE_URL);
  await checkNats(env.NATS_URL, { user: env.NATS_USER, pass: env.NATS_PASSWORD });
  const app = await NestFactory.createMicroservice(NotifierModule.forRoot(env), {
    ...natsServerStrategy(
      { url: env.NATS_URL, name: 'notifier', user: env.NATS_USER, pass: env.NATS_PASSWORD },
      QueueGroups.notifier,
    ),
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await migrateWithLock(app.get(MikroORM), env.DATABASE_URL, 'notifier');
  return app;
}
