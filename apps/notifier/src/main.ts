import 'reflect-metadata';
import { loadEnv, runMain } from '@rasad/common';
import { createNotifier } from './bootstrap';
import { NotifierEnv } from './notifier.env';

runMain(async () => {
  const app = await createNotifier(loadEnv(NotifierEnv));
  await app.listen();
});
