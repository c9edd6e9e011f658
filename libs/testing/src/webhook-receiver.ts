import { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { WEBHOOK_NOTICE_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, verifyWebhook } from '@rasad/contracts';

export interface ReceivedRequest {
  /** X-Rasad-Notice-Id, or the `reference` of an SMS gateway body. */
  key: string | null;
  headers: IncomingHttpHeaders;
  body: string;
  json: any;
  /** The answer given; 0 for a request left hanging. */
  status: number;
  /** Whether the signature checked out; null when the receiver has no secret (a fake SMS gateway). */
  signed: boolean | null;
}

export interface WebhookReceiverOptions {
  /** Verify X-Rasad-Signature with this secret; a bad signature answers 401. */
  secret?: string;
}

/**
 * A real local HTTP endpoint for notices: verifies signatures, records every request, keeps one delivery per
 * idempotency key (as a well-behaved receiver would, answering 200 to a repeat without recording it again), and can
 * be told to fail or hang the next requests.
 */
export class WebhookReceiver {
  /** Every request, in arrival order, with the answer given. */
  readonly requests: ReceivedRequest[] = [];
  /** Accepted requests, one per key. */
  readonly deliveries: ReceivedRequest[] = [];
  /** Accepted requests whose key had already been delivered. */
  readonly duplicates: ReceivedRequest[] = [];
  private failures: { count: number; status: number } = { count: 0, status: 500 };
  private hangs = 0;
  private stalls = 0;
  private readonly hung: ServerResponse[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: WebhookReceiverOptions,
  ) {}

  static async start(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
    const started: { receiver?: WebhookReceiver } = {};
    const server = createServer((req, res) => void started.receiver!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    started.receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}/notices`, options);
    return started.receiver;
  }

  /** The next `count` requests answer `status` (500 by default) and are not delivered. */
  failNext(count: number, status = 500): void {
    this.failures = { count, status };
  }

  /** The next `count` requests get no answer at all (until close), as a stuck receiver would. */
  hangNext(count: number): void {
    this.hangs = count;
  }

  /**
   * The next `count` requests are accepted (recorded as delivered) but never answered: the sender cannot know they
   * arrived, as when it crashes between the far end's accept and its own commit.
   */
  stallNext(count: number): void {
    this.stalls = count;
  }

  /** Accepted deliveries for one key, repeats included: 1 means delivered exactly once. */
  acceptedCount(key: string): number {
    return this.requests.filter((r) => r.key === key && r.status >= 200 && r.status < 300).length;
  }

  async close(): Promise<void> {
    for (const res of this.hung) {
      res.destroy();
    }
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks).toString('utf8');
    let json: any = null;
    try {
      json = JSON.parse(body);
    } catch {
      // recorded as it came
    }
    const header = req.headers[WEBHOOK_NOTICE_ID_HEADER];
    const key = (typeof header === 'string' ? header : null) ?? (json?.reference as string | undefined) ?? null;
    const signed = this.options.secret
      ? verifyWebhook(this.options.secret, body, req.headers[WEBHOOK_SIGNATURE_HEADER] as string | undefined).valid
      : null;
    const request: ReceivedRequest = { key, headers: req.headers, body, json, status: 0, signed };
    this.requests.push(request);
    if (this.hangs > 0) {
      this.hangs--;
      this.hung.push(res);
      return;
    }
    if (signed === false) {
      return this.answer(res, request, 401);
    }
    if (this.failures.count > 0) {
      this.failures.count--;
      return this.answer(res, request, this.failures.status);
    }
    const repeat = key !== null && this.deliveries.some((d) => d.key === key);
    (repeat ? this.duplicates : this.deliveries).push(request);
    if (this.stalls > 0) {
      this.stalls--;
      request.status = 200;
      this.hung.push(res);
      return;
    }
    this.answer(res, request, 200);
  }

  private answer(res: ServerResponse, request: ReceivedRequest, status: number): void {
    request.status = status;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: status < 300 }));
  }
}
