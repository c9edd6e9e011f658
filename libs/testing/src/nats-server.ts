import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from './eventually';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? 'nats-server';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on the port. */
export function portAnswers(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

export interface NatsServerOptions {
  /** A configuration file, e.g. deploy/nats-server.conf; the port and store dir are the test's own. */
  config?: string;
  env?: Record<string, string>;
}

/**
 * A nats-server of the test's own, with JetStream in a temp dir, on a free port: it can be killed and restarted
 * (same port, same store) without touching the machine's broker.
 */
export class NatsServerProcess {
  private process?: ChildProcess;
  private readonly storeDir = mkdtempSync(join(tmpdir(), 'rasad-nats-'));

  private constructor(
    readonly port: number,
    private readonly options: NatsServerOptions,
  ) {}

  static async start(options: NatsServerOptions = {}): Promise<NatsServerProcess> {
    const server = new NatsServerProcess(await freePort(), options);
    await server.restart();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  async restart(): Promise<void> {
    const config = this.options.config ? ['-c', this.options.config] : [];
    this.process = spawn(
      NATS_SERVER,
      [...config, '-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir],
      {
        stdio: 'ignore',
        env: { ...process.env, ...this.options.env },
      },
    );
    await eventually(() => portAnswers(this.port), { timeoutMs: 10_000 });
  }

  /** SIGKILL: the broker gets no chance to flush or say goodbye. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
    rmSync(this.storeDir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}

/**
 * A password for every user of a NATS config file (`password: $RASAD_NATS_<USER>_PASSWORD`), `<user>-secret`, so a
 * suite running deploy/nats-server.conf keeps starting when a service adds its user there.
 */
export function natsConfigPasswords(config = 'deploy/nats-server.conf'): Record<string, string> {
  const names = readFileSync(config, 'utf8').match(/\$RASAD_NATS_[A-Z_]+_PASSWORD/g) ?? [];
  return Object.fromEntries(
    names.map((name) => {
      const variable = name.slice(1);
      const user = variable
        .replace(/^RASAD_NATS_/, '')
        .replace(/_PASSWORD$/, '')
        .toLowerCase();
      return [variable, `${user}-secret`];
    }),
  );
}

/**
 * deploy/nats-server.conf as docker compose runs it: the server with a password for every user it names, and the
 * deploy step that creates the event stream as the admin (the services' own users may not).
 */
export async function startDeployNats(): Promise<{ nats: NatsServerProcess; passwords: Record<string, string> }> {
  const passwords = natsConfigPasswords();
  const nats = await NatsServerProcess.start({ config: 'deploy/nats-server.conf', env: passwords });
  await promisify(execFile)(process.execPath, ['scripts/nats-setup.js'], {
    env: {
      ...process.env,
      NATS_URL: nats.url,
      NATS_USER: 'admin',
      NATS_PASSWORD: passwords.RASAD_NATS_ADMIN_PASSWORD,
    },
  });
  return { nats, passwords };
}
