import { DynamicModule, Module } from '@nestjs/common';
import { serviceModule } from '@rasad/messaging';
import { DeliveryModule } from './delivery/delivery.module';
import { NOTIFIER_SCHEMA, notifierOrmOptions } from './mikro-orm.config';
import { NoticesModule } from './notices/notices.module';
import { noticesRetention } from './notices/notices.repository';
import { NotifierEnv } from './notifier.env';
import { PreferencesModule } from './preferences/preferences.module';

@Module({})
export class NotifierModule {
  static forRoot(env: NotifierEnv): DynamicModule {
    return {
      ...serviceModule({
        module: NotifierModule,
        service: 'notifier',
        env,
        envClass: NotifierEnv,
        schema: NOTIFIER_SCHEMA,
        orm: notifierOrmOptions(env.DATABASE_URL, env.DATABASE_POOL_MAX),
        imports: [NoticesModule, PreferencesModule, DeliveryModule],
        // A notice for someone the roster has not told us about yet waits for their event: about two minutes.
        consumer: { maxDeliveries: 8, backoffMs: 1000 },
        retention: [noticesRetention(env.RETENTION_NOTICE_DAYS)],
      }),
      // Its env is read by every context module.
      global: true,
      exports: [NotifierEnv],
    };
  }
}
