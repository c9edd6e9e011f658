import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollingWorker } from '@rasad/common';
import { LodgingEvents } from '@rasad/contracts';
import { addDays, toLocalDate } from '@rasad/duty-assignments';
import { NewEvent, Outbox } from '@rasad/messaging';
import { AllocationsRepository, allocationEvent } from '../allocations/allocations.repository';
import { checkInCutoffOffset } from '../allocations/stay-nights';
import { LodgingEnv } from '../lodging.env';
import { NoShowRepository } from './no-show.repository';

const BATCH = 500;
/** Nights further back than this are over: a sweep after a long outage leaves them as they were. */
const DAYS_BACK = 2;

/**
 * Releases the bed of anyone not checked in by the cut-off (`LODGING_CHECK_IN_CUTOFF`), night by night: each round
 * of the shared PollingWorker gives back a batch and writes, in the same transaction, one
 * `evt.lodging.allocation.released.v1` (reason `no_show`) per allocation, which tells readiness and the person's
 * officer.
 */
@Injectable()
export class NoShowSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly worker: PollingWorker;
  /** The cut-off after a night's date: its time, a day later when it falls before noon. */
  private readonly offset: string;

  constructor(
    private readonly orm: MikroORM,
    private readonly noShows: NoShowRepository,
    private readonly allocations: AllocationsRepository,
    private readonly outbox: Outbox,
    private readonly env: LodgingEnv,
  ) {
    this.offset = checkInCutoffOffset(env.LODGING_CHECK_IN_CUTOFF);
    this.worker = new PollingWorker({
      name: 'NoShowSweep',
      round: () => this.sweep(),
      batchSize: BATCH,
      pollMs: env.LODGING_SWEEP_POLL_MS,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }

  private sweep(): Promise<number> {
    return this.orm.em.fork().transactional(async (em) => {
      const today = toLocalDate(new Date(), this.env.RASAD_TIME_ZONE);
      const released = await this.noShows.releaseDue(em, {
        offset: this.offset,
        timeZone: this.env.RASAD_TIME_ZONE,
        today: addDays(today, 1),
        daysBack: DAYS_BACK + 1,
        limit: BATCH,
      });
      if (released.length === 0) {
        return 0;
      }
      const byAllocation = new Map<string, string[]>();
      for (const night of released) {
        byAllocation.set(night.allocationId, [...(byAllocation.get(night.allocationId) ?? []), night.night]);
      }
      const views = await this.allocations.findMany(em, [...byAllocation.keys()]);
      await this.outbox.insertMany(
        em,
        views.map((view): NewEvent => ({
          subject: LodgingEvents.allocationReleased,
          aggregateId: view.id,
          payload: {
            allocation: allocationEvent(view),
            released: byAllocation.get(view.id)!.sort(),
            reason: 'no_show',
            note: null,
          },
        })),
      );
      return released.length;
    });
  }
}
