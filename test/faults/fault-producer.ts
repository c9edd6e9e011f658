// A producer process for the fault suite: writes items, each with its event in the same transaction, through
// the real Outbox and OutboxRelay. FAULT_KILL_AFTER=k makes it SIGKILL itself right after committing item k.
import 'reflect-metadata';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BaseEnv, ObservabilityModule, loadEnv } from '@rasad/common';
import { RosterEvents } from '@rasad/contracts';
import { EventsModule, Outbox, OutboxMessage } from '@rasad/messaging';
import { v7 as uuidv7 } from 'uuid';
import { PRODUCER_SCHEMA } from './fault-schema';

const env = process.env;
const databaseUrl = env.DATABASE_URL!;
const from = Number(env.FAULT_FROM ?? 1);
const to = Number(env.FAULT_TO ?? 0);
const ratePerSecond = Number(env.FAULT_RATE ?? 0);
const killAfter = Number(env.FAULT_KILL_AFTER ?? 0);
const POST_ID = '0190b0c0-0000-7000-8000-00000000f057';

@Module({
  imports: [
    MikroOrmModule.forRoot({
      driver: PostgreSqlDriver,
      clientUrl: databaseUrl,
      schema: PRODUCER_SCHEMA,
      entities: [OutboxMessage],
      allowGlobalContext: true,
      pool: { min: 0, max: 4 },
    }),
    // What every service has around its events: the metrics and tracer the outbox, relay and consumer report to.
    ObservabilityModule.forRoot('faults-producer', loadEnv(BaseEnv)),
    EventsModule.forRoot({
      service: 'faults-producer',
      schema: PRODUCER_SCHEMA,
      databaseUrl,
      nats: { url: env.NATS_URL! },
    }),
  ],
})
class ProducerModule {}

/** Every tenth duty is a QRF one (its handler fails twice) and every 25th a reserve one (it always fails). */
function role(n: number) {
  if (env.FAULTY !== '1') {
    return 'guard' as const;
  }
  return n % 25 === 0 ? ('reserve' as const) : n % 10 === 0 ? ('qrf' as const) : ('guard' as const);
}

async function main() {
  const app = await NestFactory.createApplicationContext(ProducerModule, { logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  const em = app.get(EntityManager);
  const outbox = app.get(Outbox);
  const started = Date.now();
  for (let n = from; n <= to; n++) {
    const id = uuidv7();
    const startsAt = new Date(Date.UTC(2027, 1, 8, 1) + n * 60_000).toISOString();
    await em.fork().transactional(async (tx) => {
      await tx.execute(`insert into ${PRODUCER_SCHEMA}.item (id, n) values (?, ?)`, [id, n]);
      outbox.record(tx, RosterEvents.assignmentCreated, id, {
        id,
        personnelId: id,
        postId: POST_ID,
        role: role(n),
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
        phase: 'poll_day',
        status: 'planned',
      });
    });
    if (n === killAfter) {
      process.kill(process.pid, 'SIGKILL');
    }
    if (ratePerSecond > 0) {
      const due = started + ((n - from + 1) * 1000) / ratePerSecond;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
    }
  }
  process.stdout.write(`produced ${Math.max(0, to - from + 1)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
