import path from 'node:path';
import { BENCH_ADMIN_PASSWORD, BENCH_JWT_SECRET } from './auth';
import { BenchConfig } from './config';
import {
  freePort,
  peakRssMb,
  portAccepts,
  rssMb,
  Service,
  startService,
  stopService,
  waitUntilReady,
} from './processes';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';

/** Every app of the build, in the order scripts/start.js starts them. */
export const APPS = [
  'roster',
  'briefings',
  'notifier',
  'meals',
  'lodging',
  'transport',
  'readiness',
  'gateway',
] as const;
export type App = (typeof APPS)[number];

/** The services that consume events: each has a durable JetStream consumer named after it, and an inbox. */
export const CONSUMERS = ['briefings', 'notifier', 'meals', 'transport', 'lodging', 'readiness'] as const;
export type Consumer = (typeof CONSUMERS)[number];

/** Everything the bench runs against: its own broker, every app, the bare baseline server and the NestJS peer. */
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
  /** Every app, by name (roster and gateway included): what memory is sampled over. */
  apps: Record<App, Service>;
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
    // A national run must not outlive its token.
    JWT_TTL_SECONDS: String(12 * 3600),
    // A national roster arrives as a dozen files or more, one after another.
    IMPORTS_PER_MINUTE: '1000',
  };
  const gatewayPort = await freePort();
  const apps = {} as Record<App, Service>;
  // Every app, as scripts/start.js runs them (all with the same database and broker, each in its own schema), so that
  // memory is measured for all and the consumers apply what the imports publish. The gateway's /health (RASAD_SERVICES
  // by default every service) answers 200 once each one answers over NATS, i.e. after its migrations.
  for (const app of APPS) {
    const env = app === 'gateway' ? { ...appEnv, PORT: String(gatewayPort), HOST: '127.0.0.1' } : appEnv;
    apps[app] = startApp(config, app, env, workDir);
    services.push(apps[app]);
  }
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  // Eight processes compiling their bundles at once on two cores: more than a minute when the machine is busy.
  await waitUntilReady(Object.values(apps), async () => (await fetch(`${gatewayUrl}/health`)).ok, 240_000);

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
    roster: apps.roster,
    gateway: apps.gateway,
    apps,
    baseline,
    peer,
  };
}

/** The flags scripts/start.js and docker-compose.yml run the apps with: the bench measures what runs. */
const APP_NODE_FLAGS = ['--heap-growing-percent=20'];
/** And the same fixed glibc mmap threshold (see scripts/start.js). */
const APP_MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** BENCH_APP_NODE_ARGS adds node flags to every app, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile. */
function startApp(config: BenchConfig, app: App, env: NodeJS.ProcessEnv, workDir: string) {
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

/** Stops the services that consume events; the roster, the gateway and the broker go on. */
export async function stopConsumers({ apps }: Stack): Promise<void> {
  for (const consumer of CONSUMERS) {
    await stopService(apps[consumer]);
  }
}

export async function stopStack(services: Service[]): Promise<void> {
  // Apps first, so they do not log a lost broker on their way out.
  for (const service of [...services].reverse()) {
    await stopService(service);
  }
}

/** Where the memory goes, phase by phase, for every app; the results hold the peak sampled during the runs. */
export function logMemory(phase: string, { apps }: Stack): void {
  const describe = (s: Service) => `${s.name} ${rssMb(s)} (${peakRssMb(s)})`;
  console.log(`  memory after ${phase}, MB (VmHWM): ${Object.values(apps).map(describe).join(', ')}`);
}
