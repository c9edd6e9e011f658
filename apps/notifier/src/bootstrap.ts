import { INestMicroservice } from '@nestjs/common';
import { createService } from '@rasad/messaging';
import { checkSmsBodyTemplate } from './channels/sms-body';
import { checkTimeZone } from './templates/clock';
import { NotifierEnv } from './notifier.env';
import { NotifierModule } from './notifier.module';

/** Creates the notifier, migrated, connected to NATS but not yet listening; its dispatcher starts with the app. */
export function createNotifier(env: NotifierEnv): Promise<INestMicroservice> {
  checkSmsBodyTemplate(env.SMS_BODY_TEMPLATE);
  checkTimeZone(env.RASAD_TIME_ZONE);
  return createService('notifier', NotifierModule.forRoot(env), env);
}
