import 'reflect-metadata';
import { loadEnv, runMain } from '@rasad/common';
import { createLodging, seedLodgingDemo } from './bootstrap';
import { LodgingEnv } from './lodging.env';

runMain(async () => {
  const env = loadEnv(LodgingEnv);
  const app = await createLodging(env);
  if (env.RASAD_DEMO_DATA === 'true') {
    await seedLodgingDemo(app);
  }
  await app.listen();
});
