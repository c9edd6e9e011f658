import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { EventEnvelope } from '@rasad/contracts';

export type EventHandlerFn = (payload: unknown, envelope: EventEnvelope, em: EntityManager) => Promise<void>;

/** One event of a batch, its payload validated, with the handler that applies it and every copy delivered of it. */
export interface Delivery<M> {
  envelope: EventEnvelope;
  payload: unknown;
  handler: EventHandlerFn;
  copies: M[];
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
    readonly index: number,
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Applies a batch of events in one transaction with their inbox rows. All inbox ids go in with one statement, which
 * also says which events are fresh; their handlers then run in arrival order, each with an EntityManager of its own
 * on the shared transaction. Should a handler fail, the batch is rolled back and run again with a savepoint around
 * each handler, so the failing event is rolled back alone; savepoints only then, since more than 64 subtransactions
 * in one transaction slow every other snapshot in the database down.
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
      for (const [index, delivery] of deliveries.entries()) {
        if (index > 0 && (stopping() || performance.now() > deadline)) {
          outcome.left = deliveries.slice(index);
          break;
        }
        const { envelope, payload, handler } = delivery;
        if (!fresh.delete(envelope.id.toLowerCase())) {
          outcome.duplicates.push(delivery);
        } else if (failure?.index === index) {
          outcome.failed.push({ delivery, error: failure.error });
        } else if (failure) {
          try {
            await em.transactional((own) => handler(payload, envelope, own), { clear: true });
            outcome.applied.push(delivery);
          } catch (error) {
            outcome.failed.push({ delivery, error });
          }
        } else {
          const own = em.fork({ clear: true, keepTransactionContext: true });
          try {
            await handler(payload, envelope, own);
            await own.flush();
          } catch (error) {
            throw new HandlerFailure(index, error);
          }
          outcome.applied.push(delivery);
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
