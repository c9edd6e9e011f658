import { INestMicroservice } from '@nestjs/common';
import { createService } from '@rasad/messaging';
import { LodgingEnv } from './lodging.env';
import { LodgingModule } from './lodging.module';

/** Creates the lodging service, migrated, connected to NATS but not yet listening. */
export function createLodging(env: LodgingEnv): Promise<INestMicroservice> {
  return createService('lodging', LodgingModule.forRoot(env), env);
}
