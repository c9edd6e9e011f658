// What a province's load balancer and its users do to the gateways during the cluster fault test: requests spread
// over the gateways that are up, reads retried on another gateway when one refuses the connection (as a balancer's
// health check would take it out), and every answer recorded with its time so the test can say how the API fared
// before, during and after a failover.

export interface Outcome {
  at: number;
  kind: 'read' | 'write';
  ok: boolean;
  status: number | 'network';
}

export class Balancer {
  private next = 0;
  readonly outcomes: Outcome[] = [];
  rerouted = 0;

  constructor(
    private readonly gateways: string[],
    private readonly token: string,
  ) {}

  /** GETs are safe to retry, so a refused or reset connection is tried on the next gateway, once per gateway. */
  async read(path: string): Promise<void> {
    const at = Date.now();
    let status: Outcome['status'] = 'network';
    for (let tries = 0; tries < this.gateways.length; tries++) {
      try {
        status = (await this.send('GET', path)).status;
        break;
      } catch {
        this.rerouted++;
      }
    }
    this.outcomes.push({ at, kind: 'read', ok: status === 200, status });
  }

  /** A write is not retried: if its connection dropped, whether it committed is for the outbox to say. */
  async write(path: string, body: unknown): Promise<unknown> {
    const at = Date.now();
    try {
      const response = await this.send('POST', path, body);
      this.outcomes.push({ at, kind: 'write', ok: response.status === 201, status: response.status });
      return response.status === 201 ? await response.json() : undefined;
    } catch {
      this.outcomes.push({ at, kind: 'write', ok: false, status: 'network' });
      return undefined;
    }
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const base = this.gateways[this.next++ % this.gateways.length];
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    if (method === 'GET') {
      await response.arrayBuffer();
    }
    return response;
  }
}

export interface ErrorRate {
  requests: number;
  failed: number;
  rate: number;
  statuses: Record<string, number>;
}

/** The failed share of the requests started in [from, to). */
export function errorRate(outcomes: Outcome[], from: number, to: number, kind?: Outcome['kind']): ErrorRate {
  const window = outcomes.filter((o) => o.at >= from && o.at < to && (!kind || o.kind === kind));
  const failed = window.filter((o) => !o.ok);
  const statuses: Record<string, number> = {};
  for (const outcome of failed) {
    statuses[String(outcome.status)] = (statuses[String(outcome.status)] ?? 0) + 1;
  }
  return {
    requests: window.length,
    failed: failed.length,
    rate: window.length ? failed.length / window.length : 0,
    statuses,
  };
}

/**
 * Starts `step` every `intervalMs` until stopped, whether or not the earlier ones have answered (users do not wait
 * for each other), so a stalled request shows as a failure in its own window, not as a gap in the traffic.
 */
export function steady(intervalMs: number, step: (n: number) => Promise<unknown>): { stop: () => Promise<void> } {
  const pending = new Set<Promise<unknown>>();
  let n = 0;
  const timer = setInterval(() => {
    const request = step(n++).catch(() => undefined);
    pending.add(request);
    void request.finally(() => pending.delete(request));
  }, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
    },
  };
}
