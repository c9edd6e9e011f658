import 'reflect-metadata';
import { loadEnv, runMain } from '@rasad/common';
import { createGateway } from './bootstrap';
import { GatewayEnv } from './gateway.env';

runMain(async () => {
  const env = loadEnv(GatewayEnv);
  const app = await createGateway(env);
  await app.listen(env.PORT, env.HOST);
});
