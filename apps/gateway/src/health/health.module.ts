import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Pool } from 'pg';
import { GatewayEnv } from '../gateway.env';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { GATEWAY_PG_POOL } from './health.tokens';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [
    HealthService,
    {
      provide: GATEWAY_PG_POOL,
      inject: [GatewayEnv],
      useFactory: (env: GatewayEnv) =>
        new Pool({ connectionString: env.DATABASE_URL, max: 2, connectionTimeoutMillis: 2000 }),
    },
  ],
})
export class HealthModule implements OnApplicationShutdown {
  constructor(@Inject(GATEWAY_PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
