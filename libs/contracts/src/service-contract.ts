import { EventMap } from './events/event-map';

/** A payload class consumers validate an event by (class-validator decorators on its fields). */
export type EventPayloadClass = new () => object;

/**
 * The payload class of each event of a service's in `EventMap`: every one it declares there must be registered, with
 * a class whose instances are that payload.
 */
export type ServiceEventClasses<Service extends string> = {
  [S in keyof EventMap as S extends `evt.${Service}.${string}` ? S : never]: new () => EventMap[S];
};

/**
 * What a service declares about itself in its own contracts folder (`libs/contracts/src/<service>/index.ts`), so that
 * adding a service changes that folder and one export line in this library's index. Its subjects' types join `RpcMap`
 * and `EventMap` by declaration merging in the same file (docs/adding-a-service.md).
 */
export interface ServiceContract<Service extends string, Events extends ServiceEventClasses<Service>> {
  /** `meals`: the first part of every subject it answers, its schema (hyphens as underscores), its durable name. */
  service: Service;
  /** The queue group its replicas share the requests in. */
  queue: string;
  /** Subject to payload class of each event it publishes, as in its part of `EventMap`; consumers validate by them. */
  events: Events & Record<Exclude<keyof Events, keyof ServiceEventClasses<Service>>, never>;
}

const queues = new Map<string, string>();
const eventPayloads = new Map<string, EventPayloadClass>();

/** Called once, at import time, by a service's contracts folder. */
export function registerServiceContract<Service extends string, Events extends ServiceEventClasses<Service>>(
  contract: ServiceContract<Service, Events>,
): void {
  if (queues.has(contract.service)) {
    throw new Error(`the ${contract.service} service's contract is declared twice`);
  }
  // Its events are under its own name, so no two services declare one subject.
  const events = Object.entries<EventPayloadClass>(contract.events);
  for (const [subject] of events) {
    if (!subject.startsWith(`evt.${contract.service}.`)) {
      throw new Error(
        `event ${subject} is not the ${contract.service} service's: its events are evt.${contract.service}.…`,
      );
    }
  }
  for (const [subject, payloadClass] of events) {
    eventPayloads.set(subject, payloadClass);
  }
  queues.set(contract.service, contract.queue);
}

/** The queue group of a service, from its contracts folder. */
export function queueGroupOf(service: string): string {
  const queue = queues.get(service);
  if (queue === undefined) {
    throw new Error(`no contract for service ${service}: export its folder from libs/contracts/src/index.ts`);
  }
  return queue;
}

/** The payload class of an event subject; undefined for an unknown subject. */
export function eventPayloadClassOf(subject: string): EventPayloadClass | undefined {
  return eventPayloads.get(subject);
}

/** Every registered event subject with its payload class (for checks that must cover them all). */
export function eventPayloadClasses(): ReadonlyMap<string, EventPayloadClass> {
  return eventPayloads;
}
