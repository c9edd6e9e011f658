import { INestMicroservice } from '@nestjs/common';
import { createService } from '@rasad/messaging';
import { TransportEnv } from './transport.env';
import { TransportModule } from './transport.module';

/** Creates the transport service, migrated, connected to NATS but not yet listening. */
export function createTransport(env: TransportEnv): Promise<INestMicroservice> {
  return createService('transport', TransportModule.forRoot(env), env);
}
