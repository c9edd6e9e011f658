import 'reflect-metadata';
import { loadEnv, runMain } from '@rasad/common';
import { createReadiness } from './bootstrap';
import { ReadinessEnv } from './readiness.env';

runMain(async () => {
  const app = await createReadiness(loadEnv(ReadinessEnv));
  await app.listen();
});
