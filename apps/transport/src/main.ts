import 'reflect-metadata';
import { loadEnv, runMain } from '@rasad/common';
import { createTransport } from './bootstrap';
import { TransportEnv } from './transport.env';

runMain(async () => {
  const app = await createTransport(loadEnv(TransportEnv));
  await app.listen();
});
