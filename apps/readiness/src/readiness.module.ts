import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@rasad/messaging';
import { ReadinessEnv } from './readiness.env';
import { READINESS_SCHEMA, readinessOrmOptions } from './mikro-orm.config';
import { ReportsModule } from './reports/reports.module';
import { VerdictsModule } from './verdicts/verdicts.module';

@Module({})
export class ReadinessModule {
  static forRoot(env: ReadinessEnv): DynamicModule {
    return {
      ...serviceModule({
        module: ReadinessModule,
        service: 'readiness',
        env,
        envClass: ReadinessEnv,
        schema: READINESS_SCHEMA,
        orm: readinessOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX),
        imports: [VerdictsModule, ReportsModule],
        // The read model consumes the roster's, briefings', meals', transport's and lodging's events.
        consumer: {},
      }),
      // Its env (the deployment's time zone) is read by the verdicts.
      global: true,
      exports: [ReadinessEnv],
    };
  }
}
