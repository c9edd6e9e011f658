import { NotifierEnv } from '../notifier.env';
import { ChannelSender, OutgoingNotice, PermanentDeliveryError, expectAccepted } from './channel-sender';
import { fillSmsBody, parseHeader } from './sms-body';

/**
 * POSTs to the deployment's HTTP SMS gateway. The notice id goes as the reference, so a gateway that dedupes by
 * client reference drops a resend after a crash.
 */
export class SmsSender implements ChannelSender {
  readonly channel = 'sms';
  private readonly url: string;
  private readonly headers: Record<string, string>;

  constructor(private readonly env: NotifierEnv) {
    this.url = env.SMS_GATEWAY_URL!;
    this.headers = { 'content-type': 'application/json' };
    if (env.SMS_GATEWAY_AUTH_HEADER) {
      const [name, value] = parseHeader(env.SMS_GATEWAY_AUTH_HEADER);
      this.headers[name] = value;
    }
  }

  async send(notice: OutgoingNotice, signal: AbortSignal): Promise<void> {
    if (!notice.phone) {
      throw new PermanentDeliveryError('the recipient has no phone number');
    }
    const body = fillSmsBody(this.env.SMS_BODY_TEMPLATE, { to: notice.phone, text: notice.body, reference: notice.id });
    const response = await fetch(this.url, { method: 'POST', headers: this.headers, body, signal });
    await expectAccepted(response, 'the SMS gateway');
  }
}
