import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { DomainError, ErrorCode, ReadinessStreamQuery } from '@rasad/contracts';
import type { FastifyReply } from 'fastify';
import { AuthenticatedRequest, Roles } from '../auth/auth.decorators';
import { ReadinessStreams } from './readiness-streams.service';

@Controller('readiness')
export class ReadinessStreamController {
  constructor(private readonly streams: ReadinessStreams) {}

  /**
   * Server-sent events of the district's verdict changes, for the console's live view (read with fetch, which can send
   * the bearer token; EventSource cannot). Scoped as the readiness report: a district outside the caller's is a 404.
   * It ends after an access token's lifetime; the client reconnects. Left out of the OpenAPI document: it is a
   * stream, not an answer (README, "The web console").
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
    await this.streams.stream(districtId, reply);
  }
}
