import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { OutgoingNotice } from '../channels/channel-sender';

/** A claimed notice: what its channel sends, and how many tries it has had. */
export interface DueNotice {
  notice: OutgoingNotice;
  attempts: number;
}

/** What one try came to: sent, failed for good, or pending again after its backoff. */
export interface Outcome {
  id: string;
  status: 'sent' | 'pending' | 'failed';
  error: string | null;
  retryInMs: number | null;
}

/** A due notice as the claim reads it, in the names OutgoingNotice uses. */
export type DueNoticeRecord = Omit<OutgoingNotice, 'createdAt'> & { createdAt: Date; attempts: number };

/** The notice table's SQL for delivery; both statements run in the round's transaction, which holds the claim. */
@Injectable()
export class DeliveryRepository {
  /** How many notices are in each status on each channel: the `rasad_notices` gauge, read when scraped. */
  async countsByStatusAndChannel(em: EntityManager): Promise<{ status: string; channel: string; notices: number }[]> {
    return em.execute('select status, channel, count(*)::int as notices from notifier.notice group by status, channel');
  }

  /** Due pending notices, oldest due first; rows another replica holds are skipped, not waited for. */
  async claimDue(em: EntityManager, limit: number): Promise<DueNotice[]> {
    const rows = await em.execute<DueNoticeRecord[]>(
      `select n.id, n.event_id as "eventId", n.event_type as "eventType", n.personnel_id as "personnelId", n.kind,
              n.channel, n.language, n.body, n.segments, n.encoding, n.attempts, n.created_at as "createdAt", r.phone
       from notifier.notice n
       left join notifier.personnel r on r.id = n.personnel_id
       where n.status = 'pending' and n.next_attempt_at <= now()
       order by n.next_attempt_at, n.id
       limit ?
       for update of n skip locked`,
      [limit],
    );
    // The fields in OutgoingNotice's order, as a webhook sends the notice as it is.
    return rows.map(({ attempts, createdAt, phone, ...notice }) => ({
      notice: { ...notice, createdAt: new Date(createdAt).toISOString(), phone },
      attempts,
    }));
  }

  /** One statement for the whole round. */
  async recordOutcomes(em: EntityManager, outcomes: readonly Outcome[]): Promise<void> {
    await em.execute(
      `update notifier.notice n set
         attempts = n.attempts + 1,
         status = o.status,
         -- A sent notice keeps its last failure, so the log shows why it needed retries.
         last_error = coalesce(o.error, n.last_error),
         sent_at = case when o.status = 'sent' then now() end,
         next_attempt_at = case when o.status = 'pending' then now() + o."retryInMs" * interval '1 millisecond' end
       from jsonb_to_recordset(?::jsonb) as o(id uuid, status text, error text, "retryInMs" bigint)
       where n.id = o.id`,
      [JSON.stringify(outcomes)],
    );
  }
}
