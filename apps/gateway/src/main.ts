import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { loadEnv, runMain } from '@rasad/common';
import { createGateway } from './bootstrap';
import { GatewayEnv } from './gateway.env';

runMain(async () => {
  const env = loadEnv(GatewayEnv);
  const app = await createGateway(env);
  await app.listen(env.PORT, env.HOST);
  const url = await app.getUrl();
  // `ready` and `url` are for `npm start`, which tells a newcomer where to go once every service is ready.
  app.get(Logger).log({ ready: true, url }, `admin API on ${url}/api/v1, OpenAPI at ${url}/docs`, 'Gateway');
});
