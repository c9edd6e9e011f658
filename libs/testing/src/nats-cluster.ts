import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { eventually } from './eventually';
import { freePort, portAnswers } from './nats-server';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? 'nats-server';

interface Node {
  name: string;
  port: number;
  clusterPort: number;
  storeDir: string;
  process?: ChildProcess;
}

/**
 * A JetStream cluster of the test's own: `size` nats-servers on free ports, routed to each other in one named
 * cluster, each with its own store, so that a stream of 3 replicas keeps a quorum when one node is SIGKILLed. A node
 * comes back with its name, ports and store, as a restarted machine would.
 */
export class NatsCluster {
  private constructor(
    private readonly nodes: Node[],
    private readonly clusterName: string,
  ) {}

  static async start(size = 3, name = 'rasad-test'): Promise<NatsCluster> {
    const nodes: Node[] = [];
    for (let i = 1; i <= size; i++) {
      nodes.push({
        name: `n${i}`,
        port: await freePort(),
        clusterPort: await freePort(),
        storeDir: mkdtempSync(join(tmpdir(), `rasad-nats-n${i}-`)),
      });
    }
    const cluster = new NatsCluster(nodes, name);
    try {
      await Promise.all(nodes.map((node) => cluster.spawn(node)));
      await cluster.jetStreamReady();
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** Every node's client URL, comma-separated: what NATS_URL takes. */
  get url(): string {
    return this.nodes.map((node) => `nats://127.0.0.1:${node.port}`).join(',');
  }

  get names(): string[] {
    return this.nodes.map((node) => node.name);
  }

  /** SIGKILL: the node gets no chance to flush, step down or say goodbye. */
  async kill(name: string): Promise<void> {
    await this.signal(this.node(name), 'SIGKILL');
  }

  async restart(name: string): Promise<void> {
    await this.spawn(this.node(name));
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => this.signal(node, 'SIGTERM')));
    for (const node of this.nodes) {
      rmSync(node.storeDir, { recursive: true, force: true });
    }
  }

  /** JetStream answers once the nodes have elected a meta leader: until then its API says it is unavailable. */
  async jetStreamReady(timeoutMs = 30_000): Promise<void> {
    const nc = await connect({ servers: this.url.split(','), maxReconnectAttempts: -1 });
    try {
      // jetstreamManager() itself asks for the account's JetStream info, which waits for the leader.
      await eventually(async () => (await nc.jetstreamManager()).getAccountInfo(), { timeoutMs, intervalMs: 250 });
    } finally {
      await nc.close();
    }
  }

  private node(name: string): Node {
    const node = this.nodes.find((candidate) => candidate.name === name);
    if (!node) {
      throw new Error(`no NATS node ${name} in this cluster (${this.names.join(', ')})`);
    }
    return node;
  }

  private async spawn(node: Node): Promise<void> {
    const routes = this.nodes.map((other) => `nats://127.0.0.1:${other.clusterPort}`).join(',');
    node.process = spawn(
      NATS_SERVER,
      [
        ['-a', '127.0.0.1', '-p', String(node.port), '-n', node.name],
        ['--cluster_name', this.clusterName, '--cluster', `nats://127.0.0.1:${node.clusterPort}`, '--routes', routes],
        ['-js', '-sd', node.storeDir],
      ].flat(),
      { stdio: 'ignore' },
    );
    await eventually(() => portAnswers(node.port), { timeoutMs: 10_000 });
  }

  private async signal(node: Node, signal: NodeJS.Signals): Promise<void> {
    const child = node.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }
}
