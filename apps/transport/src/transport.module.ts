import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@rasad/messaging';
import { TransportEnv } from './transport.env';
import { TRANSPORT_SCHEMA, transportOrmOptions } from './mikro-orm.config';
import { DemoModule } from './demo/demo.module';
import { DriversModule } from './drivers/drivers.module';
import { LegsModule } from './legs/legs.module';
import { ManifestsModule } from './manifests/manifests.module';
import { PickupPointsModule } from './pickup-points/pickup-points.module';
import { PlansModule } from './plans/plans.module';
import { TripsModule } from './trips/trips.module';
import { VehiclesModule } from './vehicles/vehicles.module';

@Module({})
export class TransportModule {
  static forRoot(env: TransportEnv): DynamicModule {
    return {
      ...serviceModule({
        module: TransportModule,
        service: 'transport',
        env,
        envClass: TransportEnv,
        schema: TRANSPORT_SCHEMA,
        orm: transportOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX),
        imports: [
          VehiclesModule,
          DriversModule,
          PickupPointsModule,
          TripsModule,
          ManifestsModule,
          LegsModule,
          PlansModule,
          DemoModule,
        ],
        // The roster projection's consumers (legs.module.ts) apply the roster's events.
        consumer: {},
      }),
      // Its env (the time zone, the planner's speed) is read by several context modules.
      global: true,
      exports: [TransportEnv],
    };
  }
}
