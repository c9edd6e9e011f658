import path from 'node:path';
import { BENCH_ADMIN_PASSWORD, BENCH_JWT_SECRET } from './auth';
import { BenchConfig } from './config';
import { freePort, portAccepts, Service, startService, stopService, waitUntilReady } from './processes';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

/** Everything the bench runs against: its own broker, both apps, the bare baseline server and the NestJS peer. */
export interface Stack {
  natsUrl: string;
  gatewayUrl: string;
  baselineUrl: string;
  peerUrl: string;
  nats: Service;
  roster: Service;
  gateway: Service;
  baseline: Service;
  peer: Service;
}

/**
 * The bench never touches the shared broker on 4222: request subjects would collide with anyone's tests.
 * Each start pushes onto `services` before waiting, so a failed start still gets stopped. Logs go to `workDir`.
 */
export async function startStack(config: BenchConfig, workDir: string, services: Service[]): Promise<Stack> {
  const natsPort = await freePort();
  const nats = startService(
    'nats',
    NATS_SERVER,
    ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', path.join(workDir, 'jetstream')],
    process.env,
    workDir,
  );
  services.push(nats);
  await waitUntilReady([nats], () => portAccepts(natsPort));
  const natsUrl = `nats://127.0.0.1:${natsPort}`;

  const appEnv = {
    ...process.env,
    DATABASE_URL: config.databaseUrl,
    NATS_URL: natsUrl,
    LOG_LEVEL: config.logLevel,
    RASAD_DEMO_DATA: 'false',
    DATABASE_POOL_MAX: String(config.poolMax),
    NATS_REQUEST_TIMEOUT_MS: '10000',
    RASAD_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    // The peer (bench/peer) verifies the gateway's tokens.
    JWT_SECRET: BENCH_JWT_SECRET,
    // A full run must not outlive its token.
    JWT_TTL_SECONDS: '3600',
    // The bench runs the roster and the gateway only: /health must not wait for services it did not start.
    RASAD_SERVICES: 'roster',
  };
  const roster = startApp(config, 'roster', appEnv, workDir);
  services.push(roster);
  const gatewayPort = await freePort();
  const gateway = startApp(config, 'gateway', { ...appEnv, PORT: String(gatewayPort), HOST: '127.0.0.1' }, workDir);
  services.push(gateway);
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  // The gateway's /health answers 200 only once the roster answers over NATS, i.e. after its migrations.
  await waitUntilReady([roster, gateway], async () => (await fetch(`${gatewayUrl}/health`)).ok);

  const baselinePort = await freePort();
  const baseline = startService(
    'baseline',
    process.execPath,
    ['-r', '@swc-node/register', path.join(__dirname, 'baseline-server.ts')],
    { ...appEnv, PORT: String(baselinePort) },
    workDir,
  );
  services.push(baseline);
  const peerPort = await freePort();
  const peer = startService(
    'peer',
    process.execPath,
    ['-r', '@swc-node/register', path.join(__dirname, 'peer', 'main.ts')],
    { ...appEnv, PORT: String(peerPort) },
    workDir,
  );
  services.push(peer);
  await waitUntilReady([baseline, peer], async () => (await portAccepts(baselinePort)) && portAccepts(peerPort));

  return {
    natsUrl,
    gatewayUrl,
    baselineUrl: `http://127.0.0.1:${baselinePort}`,
    peerUrl: `http://127.0.0.1:${peerPort}`,
    nats,
    roster,
    gateway,
    baseline,
    peer,
  };
}

/** The flags scripts/start.js and docker-compose.yml run the apps with: the bench measures what runs. */
const APP_NODE_FLAGS = ['--heap-growing-percent=20'];
/** And the same fixed glibc mmap threshold (see scripts/start.js). */
const APP_MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** BENCH_APP_NODE_ARGS adds node flags to both apps, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile. */
function startApp(config: BenchConfig, app: 'roster' | 'gateway', env: NodeJS.ProcessEnv, workDir: string) {
  const bundle = path.join(config.dist, 'apps', app, 'main.js');
  const extra = process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  return startService(
    app,
    process.execPath,
    [...extra, ...APP_NODE_FLAGS, bundle],
    { ...APP_MALLOC_ENV, ...env },
    workDir,
  );
}

export async function stopStack(services: Service[]): Promise<void> {
  // Apps first, so they do not log a lost broker on their way out.
  for (const service of [...services].reverse()) {
    await stopService(service);
  }
}
