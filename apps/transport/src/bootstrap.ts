import { INestMicroservice } from '@nestjs/common';
import { backoffMs } from '@rasad/common';
import { createService } from '@rasad/messaging';
import { DemoFleetService } from './demo/demo-fleet.service';
import { TransportEnv } from './transport.env';
import { TransportModule } from './transport.module';

/** Creates the transport service, migrated, connected to NATS but not yet listening. */
export function createTransport(env: TransportEnv): Promise<INestMicroservice> {
  return createService('transport', TransportModule.forRoot(env), env);
}

/**
 * Gives the demo district its fleet once transport's copy of the roster holds it (the roster loads the demo as this
 * service starts, and its events take a few seconds to arrive); answers whether it did within `attempts` tries.
 */
export async function loadDemoFleet(app: INestMicroservice, attempts = 60): Promise<boolean> {
  const demo = app.get(DemoFleetService, { strict: false });
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await demo.load()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, { baseMs: 1000, maxMs: 10_000 })));
  }
  return false;
}
