import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthIndicatorStatus } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../auth/auth.decorators';
import { HealthService } from './health.service';

/**
 * Two views of one check. Anyone may ask whether each part is up (a load balancer, a status page); what is wrong
 * with it (driver errors, the broker's address) helps an attacker as much as an operator, so only admins see it.
 */
@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Up or down for each service (over NATS), PostgreSQL and NATS; 503 when any is down' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return this.answer(reply, statusesOnly(await this.health.check()));
  }

  @Get('details')
  @Roles('admin')
  @ApiBearerAuth()
  @HealthCheck()
  @ApiOperation({ summary: 'The same check with what each part reported: errors, the broker address (admins)' })
  async details(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return this.answer(reply, await this.health.check());
  }

  private answer(reply: FastifyReply, result: HealthCheckResult): HealthCheckResult {
    if (result.status !== 'ok') {
      void reply.status(503);
    }
    return result;
  }
}

function statusesOnly(result: HealthCheckResult): HealthCheckResult {
  return {
    status: result.status,
    info: statuses(result.info),
    error: statuses(result.error),
    details: statuses(result.details),
  };
}

function statuses<Part extends HealthCheckResult['info']>(part: Part): Part {
  if (!part) {
    return part;
  }
  const only: Record<string, { status: HealthIndicatorStatus }> = {};
  for (const [name, reported] of Object.entries(part)) {
    only[name] = { status: reported?.status === 'up' ? 'up' : 'down' };
  }
  return only as Part;
}
