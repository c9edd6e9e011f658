import { INestMicroservice } from '@nestjs/common';
import { createService } from '@rasad/messaging';
import { DemoService } from './demo/demo.service';
import { LodgingEnv } from './lodging.env';
import { LodgingModule } from './lodging.module';

/** Creates the lodging service, migrated, connected to NATS but not yet listening. */
export function createLodging(env: LodgingEnv): Promise<INestMicroservice> {
  return createService('lodging', LodgingModule.forRoot(env), env);
}

/** The Haripur demo's sites, rooms and beds, unless Haripur has sites already. */
export async function seedLodgingDemo(app: INestMicroservice): Promise<void> {
  await app.get(DemoService).loadHaripur();
}
