import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { loadEnv, runMain } from '@rasad/common';
import { createGateway } from './bootstrap';
import { GatewayEnv } from './gateway.env';

runMain(async () => {
  const env = loadEnv(GatewayEnv);
  const app = await createGateway(env);
  await app.listen(env.PORT, env.HOST);
  app.get(Logger).log(`admin API on ${await app.getUrl()}/api/v1, OpenAPI at ${await app.getUrl()}/docs`, 'Gateway');
});
