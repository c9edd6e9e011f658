import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '@rasad/contracts';
import { IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { AuthenticatedRequest, Roles } from '../auth/auth.decorators';
import { ReadinessFeed, VerdictChange } from './readiness-feed.service';

export class ReadinessStreamQuery {
  @IsUUID('all', { message: 'districtId must be a UUID' })
  districtId: string;
}

const HEARTBEAT_MS = 15_000;

@Controller('readiness')
export class ReadinessStreamController {
  constructor(private readonly feed: ReadinessFeed) {}

  /**
   * Server-sent events of the district's verdict changes, for the console's live view (read with fetch, which can send
   * the bearer token; EventSource cannot). Scoped as the readiness report: a district outside the caller's is a 404.
   * Left out of the OpenAPI document: it is a stream, not an answer (README, "The web console").
   */
  @Get('stream')
  @Roles('admin', 'logistics_officer', 'viewer')
  @ApiExcludeEndpoint()
  async stream(
    @Query() { districtId }: ReadinessStreamQuery,
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const caller = request.caller!;
    if (caller.role !== 'admin' && !caller.districtIds.includes(districtId)) {
      throw new DomainError(ErrorCode.NotFound, `District ${districtId} not found`);
    }
    const raw = reply.raw;
    const send = (text: string) => raw.write(text);
    const stop = await this.feed.listen(districtId, (change: VerdictChange) =>
      send(`event: verdict\nid: ${change.assignmentId}\ndata: ${JSON.stringify(change)}\n\n`),
    );
    // Fastify's headers so far (helmet's, the request id) go out with the stream's own.
    reply.hijack();
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
    send(`retry: 3000\nevent: ready\ndata: {"districtId":"${districtId}"}\n\n`);
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
    raw.on('close', () => {
      clearInterval(heartbeat);
      stop();
    });
  }
}
