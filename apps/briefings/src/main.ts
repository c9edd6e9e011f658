import 'reflect-metadata';
import { loadEnv, runMain } from '@rasad/common';
import { createBriefings } from './bootstrap';
import { BriefingsEnv } from './briefings.env';

runMain(async () => {
  const app = await createBriefings(loadEnv(BriefingsEnv));
  await app.listen();
});
