import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Span } from '@opentelemetry/api';
import { withSpan } from '@rasad/common';
import { EventEnvelope } from '@rasad/contracts';

export type EventHandlerFn = (payload: unknown, envelope: EventEnvelope, em: EntityManager) => Promise<void>;
export type EventBatchHandlerFn = (
  events: { payload: unknown; envelope: EventEnvelope }[],
  em: EntityManager,
) => Promise<void>;

/**
 * What applies a subject's events: `each` one at a time, and, for a batch handler, `batch` a run of them at once.
 * Consecutive deliveries whose handler has the same `batch` make one run.
 */
export interface EventHandler {
  each: EventHandlerFn;
  batch?: EventBatchHandlerFn;
}

/** A batch handler as an EventHandler: one event at a time is a run of one. */
export function batchHandler(batch: EventBatchHandlerFn): EventHandler {
  return { batch, each: (payload, envelope, em) => batch([{ payload, envelope }], em) };
}

/** One event of a batch, its payload validated, with the handler that applies it and every copy delivered of it. */
export interface Delivery<M> {
  envelope: EventEnvelope;
  payload: unknown;
  handler: EventHandler;
  copies: M[];
  /** Its consumer span, when tracing is on. */
  span?: Span;
}

export interface BatchOutcome<M> {
  /** Applied by this batch. */
  applied: Delivery<M>[];
  /** Found in the inbox: applied before. */
  duplicates: Delivery<M>[];
  /** Their handler failed: rolled back alone, the rest of the batch committed. */
  failed: { delivery: Delivery<M>; error: unknown }[];
  /** Not started, in arrival order: the batch ran out of time, or the service is stopping. */
  left: Delivery<M>[];
}

export interface BatchLimits {
  /** How long a batch may keep starting handlers; it then commits what it has done. */
  budgetMs: number;
  stopping: () => boolean;
}

class HandlerFailure extends Error {
  constructor(
    /** The failing delivery's index; null when a run failed, which of its events is not known. */
    readonly index: number | null,
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Applies a batch of events in one transaction with their inbox rows. All inbox ids go in with one statement, which
 * also says which events are fresh; their handlers then run in arrival order, each with an EntityManager of its own
 * on the shared transaction, a batch handler once for each run of consecutive events it handles. Should a handler
 * fail, the batch is rolled back and run again with a savepoint around each event, batch handlers given one event at
 * a time, so the failing event is rolled back alone; savepoints only then, since more than 64 subtransactions in one
 * transaction slow every other snapshot in the database down.
 */
export class InboxBatch {
  constructor(
    private readonly orm: MikroORM,
    private readonly schema: string,
  ) {}

  async apply<M>(deliveries: Delivery<M>[], limits: BatchLimits): Promise<BatchOutcome<M>> {
    try {
      return await this.run(deliveries, limits, null);
    } catch (error) {
      if (!(error instanceof HandlerFailure)) {
        throw error;
      }
      return this.run(deliveries, limits, error);
    }
  }

  private async run<M>(
    deliveries: Delivery<M>[],
    { budgetMs, stopping }: BatchLimits,
    failure: HandlerFailure | null,
  ): Promise<BatchOutcome<M>> {
    const deadline = performance.now() + budgetMs;
    return this.orm.em.fork().transactional(async (em) => {
      const outcome: BatchOutcome<M> = { applied: [], duplicates: [], failed: [], left: [] };
      const fresh = await this.claim(em, deliveries);
      let index = 0;
      while (index < deliveries.length) {
        if (index > 0 && (stopping() || performance.now() > deadline)) {
          outcome.left = deliveries.slice(index);
          break;
        }
        const delivery = deliveries[index];
        if (!fresh.delete(delivery.envelope.id.toLowerCase())) {
          outcome.duplicates.push(delivery);
          index++;
        } else if (failure) {
          await this.isolated(em, delivery, failure.index === index ? failure : null, outcome);
          index++;
        } else {
          const run = this.runFrom(deliveries, index, fresh, outcome);
          await this.applyRun(em, run, index);
          outcome.applied.push(...run.deliveries);
          index = run.end;
        }
      }
      // What was claimed but not applied (failed, or left for the next batch) must stay claimable.
      const unclaimed = [...outcome.failed.map(({ delivery }) => delivery.envelope.id), ...fresh];
      if (unclaimed.length > 0) {
        await em.execute(
          `delete from ${this.schema}.inbox where event_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
          [JSON.stringify(unclaimed)],
        );
      }
      return outcome;
    });
  }

  /**
   * The fresh delivery at `start` with, for a batch handler, the fresh deliveries right after it that the same
   * handler takes (duplicates among them are set aside); `end` is the index after the run.
   */
  private runFrom<M>(
    deliveries: Delivery<M>[],
    start: number,
    fresh: Set<string>,
    outcome: BatchOutcome<M>,
  ): { deliveries: Delivery<M>[]; end: number } {
    const run = [deliveries[start]];
    const { batch } = deliveries[start].handler;
    let end = start + 1;
    while (batch && end < deliveries.length && deliveries[end].handler.batch === batch) {
      if (fresh.delete(deliveries[end].envelope.id.toLowerCase())) {
        run.push(deliveries[end]);
      } else {
        outcome.duplicates.push(deliveries[end]);
      }
      end++;
    }
    return { deliveries: run, end };
  }

  private async applyRun<M>(em: EntityManager, run: { deliveries: Delivery<M>[] }, start: number): Promise<void> {
    const [first] = run.deliveries;
    const own = em.fork({ clear: true, keepTransactionContext: true });
    try {
      if (first.handler.batch && run.deliveries.length > 1) {
        await first.handler.batch(
          run.deliveries.map(({ payload, envelope }) => ({ payload, envelope })),
          own,
        );
      } else if (first.span) {
        await withSpan(first.span, () => first.handler.each(first.payload, first.envelope, own));
      } else {
        await first.handler.each(first.payload, first.envelope, own);
      }
      await own.flush();
    } catch (error) {
      throw new HandlerFailure(run.deliveries.length === 1 ? start : null, error);
    }
  }

  /** The run again after a failure: each event under a savepoint; the one known to fail is not run twice. */
  private async isolated<M>(
    em: EntityManager,
    delivery: Delivery<M>,
    knownFailure: HandlerFailure | null,
    outcome: BatchOutcome<M>,
  ): Promise<void> {
    if (knownFailure) {
      outcome.failed.push({ delivery, error: knownFailure.error });
      return;
    }
    const { payload, envelope, handler } = delivery;
    try {
      await em.transactional((own) => handler.each(payload, envelope, own), { clear: true });
      outcome.applied.push(delivery);
    } catch (error) {
      outcome.failed.push({ delivery, error });
    }
  }

  /** Inserts every id of the batch into the inbox at once; the ids it inserted are the events not yet applied. */
  private async claim<M>(em: EntityManager, deliveries: Delivery<M>[]): Promise<Set<string>> {
    const rows = await em.execute<{ event_id: string }[]>(
      `insert into ${this.schema}.inbox (event_id, subject)
       select (e->>0)::uuid, e->>1 from jsonb_array_elements(?::jsonb) e order by 1
       on conflict do nothing returning event_id`,
      [JSON.stringify(deliveries.map(({ envelope }) => [envelope.id, envelope.type]))],
    );
    return new Set(rows.map((row) => row.event_id));
  }
}
