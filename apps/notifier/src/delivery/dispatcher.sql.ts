import { NoticeChannel, NoticeKind } from '@rasad/contracts';
import { Language } from '@rasad/personnel';
import { SmsEncoding } from '../sms/segments';

export interface DueNoticeRow {
  id: string;
  event_id: string;
  event_type: string;
  personnel_id: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  language: Language;
  body: string;
  segments: number;
  encoding: SmsEncoding;
  attempts: number;
  created_at: Date;
  phone: string | null;
}

export interface Outcome {
  id: string;
  status: 'sent' | 'pending' | 'failed';
  error: string | null;
  retryInMs: number | null;
}

/** Due pending notices, oldest due first; rows another replica holds are skipped, not waited for. */
export const claimDueSql = `
  select n.id, n.event_id, n.event_type, n.personnel_id, n.kind, n.channel, n.language, n.body, n.segments,
         n.encoding, n.attempts, n.created_at, r.phone
  from notifier.notice n
  left join notifier.recipient r on r.id = n.personnel_id
  where n.status = 'pending' and n.next_attempt_at <= now()
  order by n.next_attempt_at, n.id
  limit ?
  for update of n skip locked`;

/** One statement for the whole round: sent, failed for good, or pending again after its backoff. */
export const recordOutcomesSql = `
  update notifier.notice n set
    attempts = n.attempts + 1,
    status = o.status,
    -- A sent notice keeps its last failure, so the log shows why it needed retries.
    last_error = coalesce(o.error, n.last_error),
    sent_at = case when o.status = 'sent' then now() end,
    next_attempt_at = case when o.status = 'pending' then now() + o."retryInMs" * interval '1 millisecond' end
  from jsonb_to_recordset(?::jsonb) as o(id uuid, status text, error text, "retryInMs" bigint)
  where n.id = o.id`;
