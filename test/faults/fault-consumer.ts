// A consumer process for the fault suite: a real NATS microservice with a durable consumer, an inbox and dead
// letters. Its handler records one effect row per application, optionally after a delay (so a SIGKILL lands
// mid-handler), fails QRF duties on their first two attempts and reserve duties until the control flag allows.
import 'reflect-metadata';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Injectable, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, NestFactory } from '@nestjs/core';
import { AssignmentEvent, EventEnvelope, RosterEvents } from '@rasad/contracts';
import {
  DomainRpcExceptionFilter,
  EventsModule,
  OnEvent,
  natsServerOptions,
  rasadValidationPipe,
} from '@rasad/messaging';
import { Pool } from 'pg';
import { CONSUMER_SCHEMA } from './fault-schema';

const env = process.env;
const databaseUrl = env.DATABASE_URL!;
const delayMs = Number(env.FAULT_HANDLER_DELAY_MS ?? 0);
const attempts = new Pool({ connectionString: databaseUrl, max: 2 });

@Injectable()
class EffectRecorder {
  @OnEvent(RosterEvents.assignmentCreated)
  async apply(duty: AssignmentEvent, envelope: EventEnvelope, em: EntityManager): Promise<void> {
    if (delayMs > 0) {
      process.stdout.write(`handling ${envelope.id}\n`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    await em.execute(`insert into ${CONSUMER_SCHEMA}.effect (event_id, aggregate_id) values (?, ?)`, [
      envelope.id,
      duty.id,
    ]);
    if (duty.role === 'qrf') {
      // Counted outside the handler's transaction, which rolls back on every failure.
      const { rows } = await attempts.query<{ n: number }>(
        `insert into ${CONSUMER_SCHEMA}.attempt values ($1, 1) on conflict (event_id)
         do update set n = attempt.n + 1 returning n`,
        [envelope.id],
      );
      if (rows[0].n <= 2) {
        throw new Error(`transient failure ${rows[0].n} of QRF duty ${duty.id}`);
      }
    }
    if (duty.role === 'reserve') {
      const { rows } = await attempts.query<{ allow_poison: boolean }>(
        `select allow_poison from ${CONSUMER_SCHEMA}.control`,
      );
      if (!rows[0].allow_poison) {
        throw new Error(`reserve duty ${duty.id} cannot be applied yet`);
      }
    }
  }
}

@Module({
  imports: [
    MikroOrmModule.forRoot({
      driver: PostgreSqlDriver,
      clientUrl: databaseUrl,
      schema: CONSUMER_SCHEMA,
      entities: [],
      discovery: { warnWhenNoEntities: false },
      allowGlobalContext: false,
      pool: { min: 0, max: 4 },
    }),
    EventsModule.forRoot({
      service: 'faults-consumer',
      schema: CONSUMER_SCHEMA,
      databaseUrl,
      nats: { url: env.NATS_URL! },
      // On a cluster the stream has 3 replicas: a consumer that asked for the default would scale it down.
      streamReplicas: Number(env.NATS_STREAM_REPLICAS ?? 1),
      consumer: { ackWaitMs: 1500, maxDeliveries: 4, backoffMs: 100 },
    }),
  ],
  providers: [
    EffectRecorder,
    { provide: APP_PIPE, useFactory: rasadValidationPipe },
    { provide: APP_FILTER, useClass: DomainRpcExceptionFilter },
  ],
})
class ConsumerModule {}

async function main() {
  const app = await NestFactory.createMicroservice(ConsumerModule, {
    ...natsServerOptions({ url: env.NATS_URL!, name: 'faults-consumer' }, 'faults-consumer'),
    logger: ['error', 'warn'],
  });
  app.enableShutdownHooks();
  await app.listen();
  process.stdout.write('consumer ready\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
