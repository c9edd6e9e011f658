import { WEBHOOK_NOTICE_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WebhookNotice, signWebhook } from '@rasad/contracts';
import { NotifierEnv } from '../notifier.env';
import { ChannelSender, OutgoingNotice, expectAccepted } from './channel-sender';

/** POSTs the notice as signed JSON; the notice id header is the receiver's idempotency key. */
export class WebhookSender implements ChannelSender {
  readonly channel = 'webhook';

  constructor(private readonly env: NotifierEnv) {}

  async send(notice: OutgoingNotice, signal: AbortSignal): Promise<void> {
    const payload: WebhookNotice = {
      id: notice.id,
      eventId: notice.eventId,
      eventType: notice.eventType,
      personnelId: notice.personnelId,
      kind: notice.kind,
      language: notice.language,
      text: notice.body,
      phone: notice.phone,
      segments: notice.segments,
      encoding: notice.encoding,
      createdAt: notice.createdAt,
    };
    const body = JSON.stringify(payload);
    const response = await fetch(this.env.WEBHOOK_URL!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [WEBHOOK_SIGNATURE_HEADER]: signWebhook(this.env.WEBHOOK_SECRET!, body),
        [WEBHOOK_NOTICE_ID_HEADER]: notice.id,
      },
      body,
      signal,
    });
    await expectAccepted(response, 'the webhook');
  }
}
