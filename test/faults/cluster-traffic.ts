// What a province's load balancer and its users do to the gateways during the cluster fault test: requests spread
// over the gateways, one that fails at the transport level left out for a while (as a health check would), a
// request that got no answer repeated on another gateway when that is safe, and every outcome recorded with its
// time so the test can say how the API fared before, during and after a failover.

export interface Outcome {
  /** When the answer, or the failure, came. */
  at: number;
  kind: 'read' | 'write';
  ok: boolean;
  /** The HTTP status, or the transport error's code when no answer came. */
  status: number | string;
  /** A failed answer's error code and message, to tell what failed. */
  error?: string;
}

/** How long the balancer leaves out a gateway that failed at the transport level, as a health check would. */
const LEFT_OUT_MS = 2_000;

const transportCode = (error: unknown) =>
  String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name ?? 'network');

export class Balancer {
  private next = 0;
  private readonly leftOutUntil: number[];
  readonly outcomes: Outcome[] = [];
  rerouted = 0;

  constructor(
    private readonly gateways: string[],
    private readonly token: string,
  ) {
    this.leftOutUntil = gateways.map(() => 0);
  }

  /** A GET is safe to repeat, so one that got no answer is tried on the next gateway, once per gateway. */
  read(path: string): Promise<void> {
    return this.record(
      'read',
      200,
      async () => {
        const response = await this.send('GET', path);
        // Read whole here, so that a connection dropped mid-answer counts as no answer.
        return new Response(await response.text(), { status: response.status });
      },
      () => true,
    );
  }

  /**
   * A write is repeated only when its connection was refused (nothing was sent); one dropped after sending may have
   * committed, and whether it did is for the roster's outbox to say.
   */
  async write(path: string, body: unknown): Promise<unknown> {
    let created: unknown;
    await this.record(
      'write',
      201,
      async () => {
        const response = await this.send('POST', path, body);
        created = response.status === 201 ? await response.json() : undefined;
        return response;
      },
      (code) => code === 'ECONNREFUSED',
    );
    return created;
  }

  private async record(
    kind: Outcome['kind'],
    expected: number,
    attempt: () => Promise<Response>,
    repeatable: (code: string) => boolean,
  ): Promise<void> {
    let status: Outcome['status'] = 'network';
    let failure: string | undefined;
    for (let tries = 0; tries < this.gateways.length; tries++) {
      try {
        const response = await attempt();
        status = response.status;
        if (status !== expected) {
          failure = await response.text().catch(() => undefined);
        }
        break;
      } catch (error) {
        status = transportCode(error);
        if (!repeatable(status)) {
          break;
        }
        this.rerouted++;
      }
    }
    this.outcomes.push({ at: Date.now(), kind, ok: status === expected, status, error: failure?.slice(0, 200) });
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const now = Date.now();
    let index = this.next++ % this.gateways.length;
    for (let skipped = 0; skipped < this.gateways.length && this.leftOutUntil[index] > now; skipped++) {
      index = this.next++ % this.gateways.length;
    }
    try {
      const response = await fetch(`${this.gateways[index]}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      return response;
    } catch (error) {
      this.leftOutUntil[index] = Date.now() + LEFT_OUT_MS;
      throw error;
    }
  }
}

export interface ErrorRate {
  requests: number;
  failed: number;
  rate: number;
  statuses: Record<string, number>;
}

/** The failed share of the requests answered (or failed) in [from, to). */
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
