import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A process the bench started; its output goes to a log file so a failure can show its last lines. */
export interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
  stopping?: boolean;
}

const running = new Set<Service>();

export function startService(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logDir: string) {
  const logFile = path.join(logDir, `${name}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const service: Service = { name, child, logFile };
  running.add(service);
  child.once('exit', (code, signal) => {
    running.delete(service);
    if (!service.stopping) {
      console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); its log: ${logFile}`);
    }
  });
  return service;
}

export async function stopService(service: Service, graceMs = 10_000): Promise<void> {
  const { child } = service;
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  service.stopping = true;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Ctrl-C or a kill of the bench stops everything it started, by pid. */
export function stopAllOnSignal(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running.forEach((service) => (service.stopping = true));
      console.error(`\n${signal}: stopping ${[...running].map((s) => s.name).join(', ') || 'nothing'}`);
      for (const { child, logFile } of running) {
        child.kill('SIGKILL');
        console.error(`  logs in ${logFile}`);
      }
      process.exit(130);
    });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `ready` until it holds; fails at once when a watched service dies, showing the end of its log. */
export async function waitUntilReady(watched: Service[], ready: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dead = watched.find(({ child }) => child.exitCode !== null || child.signalCode !== null);
    if (dead) {
      throw new Error(`${dead.name} exited during start-up:\n${logTail(dead)}`);
    }
    if (await ready().catch(() => false)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const names = watched.map((s) => s.name).join(' and ');
  throw new Error(`${names} not ready after ${timeoutMs / 1000} s:\n${watched.map((s) => logTail(s)).join('\n')}`);
}

export function logTail(service: Service, lines = 20): string {
  const text = fs.existsSync(service.logFile) ? fs.readFileSync(service.logFile, 'utf8') : '';
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Samples resident memory every 200 ms while the measured runs go on. Not VmHWM: that also holds start-up and
 * sign-in spikes (argon2 hashes the admin password), which say nothing about serving.
 */
export function sampleRss(services: Service[], everyMs = 200) {
  const peaks: Record<string, number> = Object.fromEntries(services.map((s) => [s.name, 0]));
  const sample = () => {
    for (const service of services) {
      try {
        peaks[service.name] = Math.max(peaks[service.name], rssMb(service));
      } catch {
        // It has just exited: the run fails on its next request, with a clearer message than this.
      }
    }
  };
  sample();
  const timer = setInterval(sample, everyMs).unref();
  return {
    stop(): Record<string, number> {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

/** Peak resident memory so far (VmHWM) of a live process, in MB. */
export const peakRssMb = (service: Service) => memoryMb(service, 'VmHWM');

/** Resident memory now, in MB. */
export const rssMb = (service: Service) => memoryMb(service, 'VmRSS');

function memoryMb(service: Service, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${service.child.pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return Math.round((kb / 1024) * 10) / 10;
}

export function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (clock ticks of 10 ms); 0 once it is gone. */
export function cpuMsOfPid(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // The command name, in parentheses, may hold spaces: the fields after it are what count.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
