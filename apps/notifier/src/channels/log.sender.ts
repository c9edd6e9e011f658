import { Logger } from '@nestjs/common';
import { maskPhone } from '@rasad/personnel';
import { ChannelSender, OutgoingNotice } from './channel-sender';

/** Writes the notice to the service log, the phone masked: for deployments without a gateway, and for demos. */
export class LogSender implements ChannelSender {
  readonly channel = 'log';
  private readonly logger = new Logger('Notice');

  send(notice: OutgoingNotice): Promise<void> {
    this.logger.log(
      {
        noticeId: notice.id,
        personnelId: notice.personnelId,
        to: notice.phone ? maskPhone(notice.phone) : null,
        kind: notice.kind,
        language: notice.language,
        segments: notice.segments,
      },
      notice.body,
    );
    return Promise.resolve();
  }
}
