import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventEnvelope, NoticeChannel } from '@rasad/contracts';
import { v7 as uuidv7 } from 'uuid';
import { Addressee, DirectoryRepository } from '../directory/directory.repository';
import { NotifierEnv, configuredChannels, missingChannelSettings } from '../notifier.env';
import { smsSegments } from '../sms/segments';
import { NoticeFacts } from '../templates/notice-facts';
import { renderNotice } from '../templates/render';
import { NewNotice, NoticesRepository } from './notices.repository';

export interface NoticeRequest {
  personnelIds: string[];
  /** The district of the session or post the notice is about. */
  districtId: string | null;
  facts: NoticeFacts;
}

/** A recipient the roster has not told us about yet: retried by the consumer, as their event is on its way. */
export class UnknownRecipientError extends Error {}

/**
 * Turns events into notice rows, inside the event's inbox transaction: the event is applied once, and the unique
 * (event_id, personnel_id, channel) makes a second write of the same notice a no-op all the same.
 */
@Injectable()
export class NoticeWriter {
  private readonly channels: Set<NoticeChannel>;

  constructor(
    private readonly env: NotifierEnv,
    private readonly directory: DirectoryRepository,
    private readonly notices: NoticesRepository,
  ) {
    this.channels = configuredChannels(env);
  }

  async write(em: EntityManager, envelope: EventEnvelope, request: NoticeRequest): Promise<void> {
    await this.writeAll(em, [{ envelope, request }]);
  }

  /** Several events' notices at once: one read of their recipients, one insert. */
  async writeAll(em: EntityManager, requests: readonly { envelope: EventEnvelope; request: NoticeRequest }[]) {
    const ids = [...new Set(requests.flatMap(({ request }) => request.personnelIds))];
    if (ids.length === 0) {
      return;
    }
    const addressees = new Map((await this.directory.addressees(em, ids)).map((a) => [a.id, a]));
    const unknown = ids.filter((id) => !addressees.has(id));
    if (unknown.length > 0) {
      throw new UnknownRecipientError(`personnel ${unknown.join(', ')} not known to the notifier yet`);
    }
    await this.notices.insert(
      em,
      requests.flatMap(({ envelope, request }) =>
        [...new Set(request.personnelIds)].map((id) => this.notice(envelope, request, addressees.get(id)!)),
      ),
    );
  }

  private notice(envelope: EventEnvelope, request: NoticeRequest, recipient: Addressee): NewNotice {
    const channel = recipient.channel ?? this.env.NOTIFY_CHANNEL;
    const body = renderNotice(request.facts, recipient.language, this.env.RASAD_TIME_ZONE);
    const { segments, encoding } = smsSegments(body);
    // A person's channel that this deployment cannot send on fails at once, saying which settings are missing.
    const configured = this.channels.has(channel);
    return {
      id: uuidv7(),
      eventId: envelope.id,
      eventType: envelope.type,
      personnelId: recipient.id,
      districtId: request.districtId,
      kind: request.facts.kind,
      channel,
      language: recipient.language,
      body,
      segments,
      encoding,
      status: configured ? 'pending' : 'failed',
      lastError: configured ? null : missingChannelSettings(channel),
    };
  }
}
