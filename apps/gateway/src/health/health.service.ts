import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { RasadClient } from '@rasad/messaging';
import { Pool } from 'pg';
import { GatewayEnv } from '../gateway.env';
import { GATEWAY_PG_POOL } from './health.tokens';

const PROBE_TIMEOUT_MS = 2000;

/** Each service answers over NATS with its own database's state, so this shows what an officer would hit. */
@Injectable()
export class HealthService {
  private readonly services: string[];

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly rasad: RasadClient,
    @Inject(GATEWAY_PG_POOL) private readonly pool: Pool,
    @Inject(GatewayEnv) env: GatewayEnv,
  ) {
    this.services = env.RASAD_SERVICES.split(',');
  }

  /** The full result, with what each part reported; a part down makes it `error`, not an exception. */
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        ...this.services.map((service) => () => this.service(service)),
        () => this.postgres(),
        () => this.broker(),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }

  private async service(service: string) {
    const probe = this.indicator.check(service);
    try {
      const reply = await this.rasad.send(`${service}.health.ping.v1`, {}, { timeoutMs: PROBE_TIMEOUT_MS });
      return reply.database === 'up' ? probe.up({ database: 'up' }) : probe.down({ database: reply.database });
    } catch (error) {
      return probe.down({ message: (error as Error).message });
    }
  }

  private async postgres() {
    const probe = this.indicator.check('postgres');
    try {
      // eslint-disable-next-line no-restricted-syntax -- a probe of the gateway's database, not domain SQL
      await this.pool.query('select 1');
      return probe.up();
    } catch (error) {
      return probe.down({ message: (error as Error).message });
    }
  }

  private async broker() {
    const probe = this.indicator.check('nats');
    try {
      const connection = await this.rasad.connection();
      await Promise.race([
        connection.flush(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('no answer from the broker')), PROBE_TIMEOUT_MS).unref(),
        ),
      ]);
      return probe.up({ server: connection.getServer() });
    } catch (error) {
      return probe.down({ message: (error as Error).message });
    }
  }
}
