import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { eventually } from './eventually';

/**
 * A TypeScript entry point run as its own Node process (through @swc-node/register), with its output kept so a
 * test can wait for a line and report what it printed when something goes wrong.
 */
export class TsProcess {
  readonly output: string[] = [];
  private readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(file: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(file)], {
      cwd: resolve(__dirname, '../../..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => this.output.push(...chunk.toString().split('\n').filter(Boolean));
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((done) => this.child.once('exit', (code, signal) => done({ code, signal })));
  }

  async waitFor(line: string | RegExp, timeoutMs = 30_000): Promise<void> {
    await eventually(
      () => {
        if (!this.output.some((l) => (typeof line === 'string' ? l.includes(line) : line.test(l)))) {
          if (this.child.exitCode !== null) {
            throw new Error(`process exited (${this.child.exitCode}) before printing ${String(line)}:\n${this.tail()}`);
          }
          throw new Error(`no ${String(line)} yet:\n${this.tail()}`);
        }
      },
      { timeoutMs, intervalMs: 50 },
    );
  }

  /** The exit code, -1 when a signal ended it, null while it runs. */
  get exitCode(): number | null {
    return this.child.exitCode ?? (this.child.signalCode ? -1 : null);
  }

  tail(lines = 20): string {
    return this.output.slice(-lines).join('\n');
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill(signal);
    }
    await this.exited;
  }
}
