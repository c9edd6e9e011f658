import 'reflect-metadata';
import { loadEnv, runMain } from '@rasad/common';
import { create__Pascal__ } from './bootstrap';
import { __Pascal__Env } from './__name__.env';

runMain(async () => {
  const app = await create__Pascal__(loadEnv(__Pascal__Env));
  await app.listen();
});
