import { INestMicroservice } from '@nestjs/common';
import { createService } from '@rasad/messaging';
import { BriefingsEnv } from './briefings.env';
import { BriefingsModule } from './briefings.module';

/** Creates the briefings service, migrated, connected to NATS but not yet listening. */
export function createBriefings(env: BriefingsEnv): Promise<INestMicroservice> {
  return createService('briefings', BriefingsModule.forRoot(env), env);
}
