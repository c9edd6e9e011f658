import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@rasad/messaging';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { DemoModule } from './demo/demo.module';
import { HeadcountsModule } from './headcounts/headcounts.module';
import { KitchensModule } from './kitchens/kitchens.module';
import { MealsEnv } from './meals.env';
import { MEALS_SCHEMA, mealsOrmOptions } from './mikro-orm.config';
import { OrdersModule } from './orders/orders.module';
import { PlansModule } from './plans/plans.module';
import { PolicyModule } from './policy/policy.module';
import { RosterFactsModule } from './roster/roster-facts.module';

@Module({})
export class MealsModule {
  static forRoot(env: MealsEnv): DynamicModule {
    return {
      ...serviceModule({
        module: MealsModule,
        service: 'meals',
        env,
        envClass: MealsEnv,
        schema: MEALS_SCHEMA,
        orm: mealsOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX),
        imports: [
          RosterFactsModule,
          PolicyModule,
          KitchensModule,
          HeadcountsModule,
          PlansModule,
          DeliveriesModule,
          OrdersModule,
          DemoModule,
        ],
        // Meals consumes the roster's events into its copy of the roster.
        consumer: {},
      }),
      // Its env (the time zone) is read by every context module.
      global: true,
      exports: [MealsEnv],
    };
  }
}
