import { SetMetadata } from '@nestjs/common';
import { EventEnvelope, EventMap, KnownEventSubject } from '@rasad/contracts';
import type { EntityManager } from '@mikro-orm/postgresql';

export const ON_EVENT = Symbol('rasad:on-event');
export const ON_EVENT_BATCH = Symbol('rasad:on-event-batch');

/** One event of a run given to a batch handler: its validated payload and the envelope it came in. */
export interface EventOf<P> {
  payload: P;
  envelope: EventEnvelope<P>;
}

/**
 * Marks a method as the handler of one or more event subjects. It runs inside the transaction that also records the
 * event in the service's inbox, with an EntityManager of its own on that transaction: an event is applied once or
 * not at all. The method must take the subjects' payload, so a handler for the wrong payload does not compile.
 */
export function OnEvent<S extends KnownEventSubject>(...subjects: [S, ...S[]]) {
  return (
    target: object,
    method: string | symbol,
    // Only `value` is checked: a method that takes less than it is given (no EntityManager) is a fine handler.
    descriptor: {
      value?: (payload: EventMap[S], envelope: EventEnvelope<EventMap[S]>, em: EntityManager) => Promise<void>;
    },
  ): void => {
    SetMetadata(ON_EVENT, subjects)(target, method, descriptor);
  };
}

/**
 * Marks a method as the set-based handler of one or more event subjects: it is given a run of events at once, the
 * consecutive deliveries of a batch that it handles, in arrival order (so one aggregate's events stay in order), and
 * applies them together, typically with one statement. Same transaction and guarantees as `@OnEvent`; when the batch
 * is run again to isolate a failing event, it is called with one event at a time, so a poison event is rolled back
 * and dead-lettered alone. Typed like `@OnEvent`: the events carry the subjects' payload.
 */
export function OnEventBatch<S extends KnownEventSubject>(...subjects: [S, ...S[]]) {
  return (
    target: object,
    method: string | symbol,
    descriptor: { value?: (events: EventOf<EventMap[S]>[], em: EntityManager) => Promise<void> },
  ): void => {
    SetMetadata(ON_EVENT_BATCH, subjects)(target, method, descriptor);
  };
}
