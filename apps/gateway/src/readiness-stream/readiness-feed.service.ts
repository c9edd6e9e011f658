import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { EventEnvelope, ReadinessEvents, ReadinessVerdictChangedEvent } from '@rasad/contracts';
import { RasadClient } from '@rasad/messaging';
import type { Subscription } from 'nats';

export type VerdictChange = ReadinessVerdictChangedEvent;

type Listener = (change: VerdictChange) => void;

/**
 * One core NATS subscription per gateway process to readiness's verdict events, fanned out to the open console
 * streams by district. At most once is enough here: a page that missed an event (a reconnect, a gateway restart)
 * reads the report again, which is the truth; nothing is lost that matters.
 */
@Injectable()
export class ReadinessFeed implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadinessFeed.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  private subscription?: Promise<Subscription>;

  constructor(private readonly rasad: RasadClient) {}

  /** Calls `listener` with every verdict change in the district until the returned function is called. */
  async listen(districtId: string, listener: Listener): Promise<() => void> {
    this.subscription ??= this.subscribe();
    await this.subscription;
    const set = this.listeners.get(districtId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(districtId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(districtId);
      }
    };
  }

  private async subscribe(): Promise<Subscription> {
    const connection = await this.rasad.connection();
    const subscription = connection.subscribe(ReadinessEvents.verdictChanged, {
      callback: (error, message) => {
        if (error) {
          this.logger.warn(`verdict feed: ${error.message}`);
          return;
        }
        try {
          const change = message.json<EventEnvelope<VerdictChange>>().payload;
          this.listeners.get(change.districtId)?.forEach((listener) => listener(change));
        } catch (failure) {
          this.logger.warn(`verdict feed: an event that does not parse (${(failure as Error).message})`);
        }
      },
    });
    await connection.flush();
    return subscription;
  }

  async onApplicationShutdown(): Promise<void> {
    const subscription = await this.subscription?.catch(() => undefined);
    subscription?.unsubscribe();
  }
}
