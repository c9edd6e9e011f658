import { INestMicroservice } from '@nestjs/common';
import { createService } from '@rasad/messaging';
import { RosterEnv } from './roster.env';
import { RosterModule } from './roster.module';
import { SeedService } from './seed/seed.service';

/** Creates the roster service, migrated, connected to NATS but not yet listening. */
export function createRoster(env: RosterEnv): Promise<INestMicroservice> {
  return createService('roster', RosterModule.forRoot(env), env);
}

export async function seedDemo(app: INestMicroservice, onlyIfEmpty: boolean): Promise<void> {
  await app.get(SeedService).loadHaripur({ onlyIfEmpty });
}
