import { SetMetadata } from '@nestjs/common';
import { EventEnvelope, EventMap, EventSubject } from '@rasad/contracts';
import type { EntityManager } from '@mikro-orm/postgresql';

export const ON_EVENT = Symbol('rasad:on-event');

/**
 * Marks a method as the handler of one or more event subjects. It runs inside the transaction that also records the
 * event in the service's inbox, with an EntityManager of its own on that transaction: an event is applied once or
 * not at all. The method must take the subjects' payload, so a handler for the wrong payload does not compile.
 */
export function OnEvent<S extends EventSubject>(...subjects: [S, ...S[]]) {
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
