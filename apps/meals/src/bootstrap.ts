import { INestMicroservice } from '@nestjs/common';
import { createService } from '@rasad/messaging';
import { MealsEnv } from './meals.env';
import { MealsModule } from './meals.module';

/** Creates the meals service, migrated, connected to NATS but not yet listening. */
export function createMeals(env: MealsEnv): Promise<INestMicroservice> {
  return createService('meals', MealsModule.forRoot(env), env);
}
