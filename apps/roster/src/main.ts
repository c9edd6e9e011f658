import 'reflect-metadata';
import { loadEnv, runMain } from '@rasad/common';
import { createRoster, seedDemo } from './bootstrap';
import { RosterEnv } from './roster.env';

runMain(async () => {
  const env = loadEnv(RosterEnv);
  const app = await createRoster(env);
  if (process.argv.includes('--seed')) {
    await seedDemo(app, false);
    await app.close();
    return;
  }
  if (env.RASAD_DEMO_DATA === 'true') {
    await seedDemo(app, true);
  }
  await app.listen();
});
