import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { GatewayEnv } from '../gateway.env';
import { ReadinessFeed, VerdictChange } from './readiness-feed.service';

const HEARTBEAT_MS = 15_000;

/**
 * The open event streams. Each lasts at most an access token's lifetime (the client reconnects with a fresh token,
 * so a disabled user or a changed scope does not keep a stream), and all end when the gateway shuts down: an open
 * stream would otherwise hold the HTTP server's close.
 */
@Injectable()
export class ReadinessStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<() => void>();

  constructor(
    private readonly feed: ReadinessFeed,
    @Inject(GatewayEnv) private readonly env: GatewayEnv,
  ) {}

  async stream(districtId: string, reply: FastifyReply): Promise<void> {
    const raw = reply.raw;
    const send = (text: string) => raw.write(text);
    // Listened for before the subscription is awaited: a client gone meanwhile (a page closed as it loaded) has closed
    // already, and a listener added after would never run, leaving the heartbeat and the subscription forever.
    let closed = false;
    let release = () => {};
    raw.once('close', () => {
      closed = true;
      release();
    });
    const stop = await this.feed.listen(districtId, (change: VerdictChange) =>
      send(`event: verdict\nid: ${change.assignmentId}\ndata: ${JSON.stringify(change)}\n\n`),
    );
    // Fastify's headers so far (helmet's, the request id) go out with the stream's own.
    reply.hijack();
    if (closed) {
      stop();
      return;
    }
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) {
        headers[name] = value;
      }
    }
    raw.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    send(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ districtId })}\n\n`);
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
    const end = () => raw.end();
    const expiry = setTimeout(end, this.env.JWT_TTL_SECONDS * 1000);
    this.open.add(end);
    release = () => {
      clearInterval(heartbeat);
      clearTimeout(expiry);
      this.open.delete(end);
      stop();
    };
  }

  beforeApplicationShutdown(): void {
    this.open.forEach((end) => end());
  }
}
