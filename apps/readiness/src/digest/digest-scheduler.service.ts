import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollingWorker } from '@rasad/common';
import { READINESS_CHECKS, ReadinessDigestIssuedEvent, ReadinessEvents } from '@rasad/contracts';
import { Outbox } from '@rasad/messaging';
import { v7 as uuidv7 } from 'uuid';
import { ReadinessEnv } from '../readiness.env';
import { ReportsService } from '../reports/reports.service';
import { DigestRepository } from './digest.repository';
import { digestText } from './digest-text';
import { digestDue } from './digest-time';

/** Districts digested per round (each its summary and one gap query). */
const BATCH = 20;
const EVERY_DISTRICT = { districtIds: null };

/**
 * The daily digest: once the local time passes READINESS_DIGEST_AT, each round of the shared PollingWorker takes the
 * districts whose digest of today is not yet issued and, per district in its own transaction, writes the digest row
 * and its `evt.readiness.digest.issued.v1` to the outbox. The row's unique (district, local date) is the guarantee:
 * a second replica, or the same one after a restart, inserts nothing and so records no event.
 */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly worker: PollingWorker;

  constructor(
    private readonly orm: MikroORM,
    private readonly digests: DigestRepository,
    private readonly reports: ReportsService,
    private readonly outbox: Outbox,
    private readonly env: ReadinessEnv,
  ) {
    this.worker = new PollingWorker({
      name: 'DigestScheduler',
      round: () => this.issueDue(),
      batchSize: BATCH,
      pollMs: env.READINESS_DIGEST_POLL_MS,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }

  /** Issues the digests due now; how many districts it took. */
  private async issueDue(): Promise<number> {
    const now = new Date();
    const date = digestDue(now, this.env.READINESS_DIGEST_AT, this.env.RASAD_TIME_ZONE);
    if (date === null) {
      return 0;
    }
    const due = await this.digests.districtsDue(this.orm.em.fork(), date, BATCH);
    const failed: string[] = [];
    for (const district of due) {
      try {
        await this.orm.em.fork().transactional((em) => this.issue(em, district, date, now));
      } catch (error) {
        failed.push(`${district.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // One district failing does not hold back the others; the round fails after them, so the worker backs off.
    if (failed.length > 0) {
      throw new Error(`digest of ${failed.length} district(s) failed: ${failed.join('; ')}`);
    }
    return due.length;
  }

  private async issue(em: EntityManager, district: { id: string; name: string | null }, date: string, now: Date) {
    // The reports read through the request's EntityManager: inside this transaction, it is this one.
    const summary = await this.reports.summary({ districtId: district.id }, EVERY_DISTRICT);
    const gaps = (await this.digests.biggestGaps(em, district.id, now, this.env.RASAD_TIME_ZONE))
      .sort((a, b) => b.people - a.people || READINESS_CHECKS.indexOf(a.check) - READINESS_CHECKS.indexOf(b.check))
      .map(({ check: _check, ...gap }) => gap);
    const figures = {
      districtName: district.name,
      assignments: summary.totals.assignments,
      ready: summary.totals.ready,
      percentReady: summary.totals.percentReady,
      gaps,
    };
    // A district with no duties to report is marked done for the day, and nobody is told anything.
    const text = figures.assignments > 0 ? digestText(figures) : null;
    const digestId = uuidv7();
    const recorded = await this.digests.recordOnce(em, {
      id: digestId,
      districtId: district.id,
      localDate: date,
      issuedAt: now,
      assignments: figures.assignments,
      text,
    });
    if (!recorded || text === null) {
      return;
    }
    const event: ReadinessDigestIssuedEvent = {
      digestId,
      districtId: district.id,
      date,
      at: summary.at,
      ...figures,
      text,
    };
    await this.outbox.insertMany(em, [
      { subject: ReadinessEvents.digestIssued, aggregateId: district.id, payload: event },
    ]);
  }
}
