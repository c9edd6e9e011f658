import 'reflect-metadata';
import { loadEnv, runMain } from '@rasad/common';
import { createLodging } from './bootstrap';
import { LodgingEnv } from './lodging.env';

runMain(async () => {
  const app = await createLodging(loadEnv(LodgingEnv));
  await app.listen();
});
