import { INestMicroservice } from '@nestjs/common';
import { createService } from '@rasad/messaging';
import { DemoKitchensService } from './demo/demo-kitchens.service';
import { MealsEnv } from './meals.env';
import { MealsModule } from './meals.module';

/** Creates the meals service, migrated (with the demo kitchens when asked), connected to NATS, not yet listening. */
export async function createMeals(env: MealsEnv): Promise<INestMicroservice> {
  const app = await createService('meals', MealsModule.forRoot(env), env);
  if (env.RASAD_DEMO_DATA === 'true') {
    await app.get(DemoKitchensService).addHaripur();
  }
  return app;
}
