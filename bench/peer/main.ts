// The peer a team would build instead of Rasad: one NestJS process answering `GET /api/v1/assignments/:id` with a
// JWT guard loading the user, a global validation pipe, request logging and the duty loaded as a MikroORM entity,
// on the same database and token as the gateway. The bench runs it beside Rasad (docs/benchmarks.md).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { PeerModule } from './peer.module';

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(PeerModule, new FastifyAdapter(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api/v1');
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
