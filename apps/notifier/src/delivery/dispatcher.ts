import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollingWorker } from '@rasad/common';
import { NoticeChannel } from '@rasad/contracts';
import { redactPersonalData } from '@rasad/messaging';
import { CHANNEL_SENDERS, ChannelSender, PermanentDeliveryError } from '../channels/channel-sender';
import { NotifierEnv, missingChannelSettings } from '../notifier.env';
import { redactingFailures } from '../shared/personal-data';
import { RetryPolicy, retryDelayMs } from './backoff';
import { DeliveryRepository, DueNotice, Outcome } from './delivery.repository';

/** Notified by the trigger of Migration20261129600000NotifierNoticeWake when new notices commit. */
const NOTICES_CHANNEL = 'notifier_notice';

/**
 * Sends due notices, in rounds of the shared PollingWorker: at once when new notices commit, every NOTIFY_POLL_MS
 * for retries that fall due, at once again after a full batch; a failed round backs off. Each round claims up to
 * NOTIFY_BATCH due rows with FOR UPDATE SKIP LOCKED and holds those row locks, in one transaction, while it sends
 * them (each within NOTIFY_TIMEOUT_MS) and records the outcomes.
 * - Replicas never send the same notice at the same time: a locked row is skipped by the others.
 * - A clean shutdown finishes the round in hand and commits, so a restart sends nothing again.
 * - A crash (or a lost database connection) after the far end accepted but before the commit rolls back: the
 *   notice is still pending and goes again, with the same notice id in X-Rasad-Notice-Id / the SMS reference, so a
 *   receiver that dedupes by it sees it once. The same holds for a send that timed out here but arrived there.
 *   No scheme can do better without the receiver's help: the send and our commit are not one transaction.
 */
@Injectable()
export class Dispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Dispatcher');
  private readonly senders = new Map<NoticeChannel, ChannelSender>();
  private readonly policy: RetryPolicy;
  private readonly worker: PollingWorker;

  constructor(
    private readonly orm: MikroORM,
    private readonly env: NotifierEnv,
    private readonly delivery: DeliveryRepository,
    @Inject(CHANNEL_SENDERS) senders: ChannelSender[],
  ) {
    for (const sender of senders) {
      this.senders.set(sender.channel, sender);
    }
    this.policy = {
      baseMs: env.NOTIFY_BACKOFF_MS,
      maxMs: env.NOTIFY_BACKOFF_MAX_MS,
      maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
    };
    this.worker = new PollingWorker({
      name: 'Dispatcher',
      round: () => this.dispatchRound(),
      batchSize: env.NOTIFY_BATCH,
      pollMs: env.NOTIFY_POLL_MS,
      listen: { databaseUrl: env.DATABASE_URL, channels: [NOTICES_CHANNEL] },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.worker.start();
  }

  /**
   * Stops before the event relay and the ORM: no new round starts, and the one in hand (bounded by the send timeout)
   * records its outcomes first.
   */
  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }

  /**
   * One round: claims due notices, sends them and records the outcomes, all in one transaction; how many. A failure
   * reaches the worker (which logs it and backs off) without the SQL values the driver quotes: phones.
   */
  dispatchRound(): Promise<number> {
    return redactingFailures(() =>
      this.orm.em.fork().transactional(async (em) => {
        const due = await this.delivery.claimDue(em, this.env.NOTIFY_BATCH);
        if (due.length === 0) {
          return 0;
        }
        const outcomes = await Promise.all(due.map((claimed) => this.attempt(claimed)));
        await this.delivery.recordOutcomes(em, outcomes);
        return due.length;
      }),
    );
  }

  private async attempt({ notice, attempts: before }: DueNotice): Promise<Outcome> {
    const attempts = before + 1;
    const sender = this.senders.get(notice.channel);
    try {
      if (!sender) {
        throw new PermanentDeliveryError(missingChannelSettings(notice.channel));
      }
      await sender.send(notice, AbortSignal.timeout(this.env.NOTIFY_TIMEOUT_MS));
      return { id: notice.id, status: 'sent', error: null, retryInMs: null };
    } catch (error) {
      const message = describe(error, this.env.NOTIFY_TIMEOUT_MS);
      const retryInMs = error instanceof PermanentDeliveryError ? null : retryDelayMs(attempts, this.policy);
      this.logger.warn(
        { noticeId: notice.id, channel: notice.channel, attempts, retryInMs },
        `notice not sent: ${message}`,
      );
      return retryInMs === null
        ? { id: notice.id, status: 'failed', error: message, retryInMs: null }
        : { id: notice.id, status: 'pending', error: message, retryInMs };
    }
  }
}

/**
 * Why a send failed, for the log line and the delivery log's lastError: a network error or a far end may quote the
 * number it was given, so phones and CNICs are blanked.
 */
function describe(error: unknown, timeoutMs: number): string {
  return redactPersonalData(describeFailure(error, timeoutMs));
}

function describeFailure(error: unknown, timeoutMs: number): string {
  // fetch rejects with a DOMException, which is not always an Error instance (jest's realms), hence the duck typing.
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
    return `no answer within ${timeoutMs} ms`;
  }
  if (error instanceof Error) {
    const cause = (error.cause as Error | undefined)?.message;
    return cause ? `${error.message}: ${cause}` : error.message;
  }
  return String(error);
}
