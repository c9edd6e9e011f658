import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@rasad/messaging';
import { AllocationsModule } from './allocations/allocations.module';
import { AutoAllocationModule } from './auto/auto-allocation.module';
import { CheckInModule } from './check-in/check-in.module';
import { DemoModule } from './demo/demo.module';
import { LodgingEnv } from './lodging.env';
import { LODGING_SCHEMA, lodgingOrmOptions } from './mikro-orm.config';
import { NeedsModule } from './needs/needs.module';
import { OccupancyModule } from './occupancy/occupancy.module';
import { SitesModule } from './sites/sites.module';

@Module({})
export class LodgingModule {
  static forRoot(env: LodgingEnv): DynamicModule {
    return {
      ...serviceModule({
        module: LodgingModule,
        service: 'lodging',
        env,
        envClass: LodgingEnv,
        schema: LODGING_SCHEMA,
        orm: lodgingOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX),
        imports: [
          SitesModule,
          AllocationsModule,
          AutoAllocationModule,
          CheckInModule,
          NeedsModule,
          OccupancyModule,
          DemoModule,
        ],
        // Lodging keeps a copy of the roster's people, posts and duties (the needs module opts in).
        consumer: {},
      }),
      // Its env (time zone, check-in cut-off, distances) is read by every context module.
      global: true,
      exports: [LodgingEnv],
    };
  }
}
