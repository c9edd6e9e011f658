import { NoticeChannel, NoticeKind } from '@rasad/contracts';
import { Language } from '@rasad/personnel';
import { SmsEncoding } from '../sms/segments';

/** A notice as a channel sends it: the delivery log's row plus the recipient's current phone. */
export interface OutgoingNotice {
  id: string;
  eventId: string;
  eventType: string;
  personnelId: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  language: Language;
  body: string;
  segments: number;
  encoding: SmsEncoding;
  createdAt: string;
  phone: string | null;
}

/** Sends one notice; resolves when the far end accepted it, throws a DeliveryError (or any error) when not. */
export interface ChannelSender {
  readonly channel: NoticeChannel;
  send(notice: OutgoingNotice, signal: AbortSignal): Promise<void>;
}

/** A failure that retrying cannot fix (the far end refused the request itself): the notice fails at once. */
export class PermanentDeliveryError extends Error {}

export const CHANNEL_SENDERS = Symbol('CHANNEL_SENDERS');

/** 2xx is accepted; 408, 429 and 5xx are worth another try; any other answer refuses the request for good. */
export async function expectAccepted(response: Response, what: string): Promise<void> {
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  const text = redactNumbers((await response.text().catch(() => '')).slice(0, 200));
  const message = `${what} answered HTTP ${response.status}${text ? `: ${text}` : ''}`;
  const transient = response.status === 408 || response.status === 429 || response.status >= 500;
  throw transient ? new Error(message) : new PermanentDeliveryError(message);
}

/**
 * The far end's answer goes into lastError, which every role can read in the delivery log; a gateway that echoes
 * the number it refused must not put a phone (or a CNIC) there.
 */
export function redactNumbers(text: string): string {
  return text.replace(/\+?\d(?:[\d\s-]{5,}\d)/g, '[number]');
}
