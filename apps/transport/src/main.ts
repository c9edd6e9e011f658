import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadEnv, runMain } from '@rasad/common';
import { createTransport, loadDemoFleet } from './bootstrap';
import { TransportEnv } from './transport.env';

runMain(async () => {
  const env = loadEnv(TransportEnv);
  const app = await createTransport(env);
  await app.listen();
  if (env.RASAD_DEMO_DATA === 'true') {
    // In the background: the service answers while the roster's demo events arrive.
    loadDemoFleet(app).then(
      (loaded) => loaded || new Logger('demo').warn('no Haripur demo district arrived: no demo fleet loaded'),
      (error: unknown) => new Logger('demo').error(`demo fleet not loaded: ${String(error)}`),
    );
  }
});
