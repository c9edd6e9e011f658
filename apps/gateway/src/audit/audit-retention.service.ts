import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RetentionWorker } from '@rasad/common';
import { GatewayEnv } from '../gateway.env';
import { auditRetention } from './audit.repository';

/** Purges old audit entries on the shared retention worker (the services' EventsModule does the same for theirs). */
@Injectable()
export class AuditRetentionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly worker: RetentionWorker;

  constructor(env: GatewayEnv) {
    this.worker = new RetentionWorker({
      name: 'Retention',
      databaseUrl: env.DATABASE_URL,
      rules: [auditRetention(env.RETENTION_AUDIT_DAYS)],
      batch: env.RETENTION_BATCH,
      intervalMs: env.RETENTION_INTERVAL_MS,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.worker.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }
}
