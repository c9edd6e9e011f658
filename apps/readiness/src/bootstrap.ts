import { INestMicroservice } from '@nestjs/common';
import { createService } from '@rasad/messaging';
import { ReadinessEnv } from './readiness.env';
import { ReadinessModule } from './readiness.module';

/** Creates the readiness service, migrated, connected to NATS but not yet listening. */
export function createReadiness(env: ReadinessEnv): Promise<INestMicroservice> {
  return createService('readiness', ReadinessModule.forRoot(env), env);
}
