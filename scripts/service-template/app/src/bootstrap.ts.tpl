import { INestMicroservice } from '@nestjs/common';
import { createService } from '@rasad/messaging';
import { __Pascal__Env } from './__name__.env';
import { __Pascal__Module } from './__name__.module';

/** Creates the __name__ service, migrated, connected to NATS but not yet listening. */
export function create__Pascal__(env: __Pascal__Env): Promise<INestMicroservice> {
  return createService('__name__', __Pascal__Module.forRoot(env), env);
}
