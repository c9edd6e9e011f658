import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventEnvelope, NoticeChannel } from '@rasad/contracts';
import { Language } from '@rasad/personnel';
import { v7 as uuidv7 } from 'uuid';
import { NotifierEnv, configuredChannels, missingChannelSettings } from '../notifier.env';
import { smsSegments } from '../sms/segments';
import { NoticeFacts } from '../templates/notice-facts';
import { renderNotice } from '../templates/render';

export interface NoticeRequest {
  personnelIds: string[];
  /** The district of the session or post the notice is about. */
  districtId: string | null;
  facts: NoticeFacts;
}

interface RecipientRow {
  id: string;
  language: Language;
  channel: NoticeChannel | null;
}

/** A recipient the roster has not told us about yet: retried by the consumer, as their event is on its way. */
export class UnknownRecipientError extends Error {}

/**
 * Turns one event into notice rows, inside the event's inbox transaction: the event is applied once, and the unique
 * (event_id, personnel_id, channel) makes a second write of the same notice a no-op all the same.
 */
@Injectable()
export class NoticeWriter {
  private readonly channels: Set<NoticeChannel>;

  constructor(private readonly env: NotifierEnv) {
    this.channels = configuredChannels(env);
  }

  async write(em: EntityManager, envelope: EventEnvelope, request: NoticeRequest): Promise<void> {
    const ids = [...new Set(request.personnelIds)];
    if (ids.length === 0) {
      return;
    }
    const recipients = await em.execute<RecipientRow[]>(
      `select r.id, r.language, p.channel from notifier.recipient r
       left join notifier.channel_preference p on p.personnel_id = r.id
       where r.id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
      [JSON.stringify(ids)],
    );
    const known = new Set(recipients.map((r) => r.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new UnknownRecipientError(`personnel ${unknown.join(', ')} not known to the notifier yet`);
    }
    const rows = recipients.map((recipient) => this.row(envelope, request, recipient));
    await em.execute(
      `insert into notifier.notice (id, event_id, event_type, personnel_id, district_id, kind, channel, language,
         body, segments, encoding, status, last_error, next_attempt_at)
       select id, event_id, event_type, personnel_id, district_id, kind, channel, language,
         body, segments, encoding, status, last_error, case when status = 'pending' then now() end
       from jsonb_to_recordset(?::jsonb) as n(id uuid, event_id uuid, event_type text, personnel_id uuid,
         district_id uuid, kind text, channel text, language text, body text, segments int, encoding text,
         status text, last_error text)
       on conflict (event_id, personnel_id, channel) do nothing`,
      [JSON.stringify(rows)],
    );
  }

  private row(envelope: EventEnvelope, request: NoticeRequest, recipient: RecipientRow) {
    const channel = recipient.channel ?? this.env.NOTIFY_CHANNEL;
    const body = renderNotice(request.facts, recipient.language, this.env.RASAD_TIME_ZONE);
    const { segments, encoding } = smsSegments(body);
    // A person's channel that this deployment cannot send on fails at once, saying which settings are missing.
    const configured = this.channels.has(channel);
    return {
      id: uuidv7(),
      event_id: envelope.id,
      event_type: envelope.type,
      personnel_id: recipient.id,
      district_id: request.districtId,
      kind: request.facts.kind,
      channel,
      language: recipient.language,
      body,
      segments,
      encoding,
      status: configured ? 'pending' : 'failed',
      last_error: configured ? null : missingChannelSettings(channel),
    };
  }
}
