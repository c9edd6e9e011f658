import { SetMetadata } from '@nestjs/common';
import { EventEnvelope, EventMap, KnownEventSubject } from '@rasad/contracts';
import type { EntityManager } from '@mikro-orm/postgresql';

export const ON_EVENT = Symbol('rasad:on-event');

/**
 * Marks a method as the handler of one event subject. It runs inside the transaction that also records the
 * event in the service's inbox, with that transaction's EntityManager: an event is applied once or not at all.
 */
export const OnEvent = (subject: KnownEventSubject): MethodDecorator => SetMetadata(ON_EVENT, subject);

export type EventHandler<S extends KnownEventSubject> = (
  payload: EventMap[S],
  envelope: EventEnvelope<EventMap[S]>,
  em: EntityManager,
) => Promise<void>;
