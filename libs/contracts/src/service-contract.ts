import { EventPayloads } from './events/event-map';
import { QueueGroups } from './subjects';

/** A payload class consumers validate an event by (class-validator decorators on its fields). */
export type EventPayloadClass = new () => object;

/**
 * What a service declares about itself in its own contracts folder (`libs/contracts/src/<service>/index.ts`), so that
 * adding a service changes that folder and one export line in this library's index. Its RPC subjects' types join
 * `RpcMap` by module augmentation in the same file (docs/adding-a-service.md).
 */
export interface ServiceContract {
  /** `meals`: the first part of every subject it answers, its schema (hyphens as underscores), its durable name. */
  service: string;
  /** The queue group its replicas share the requests in. */
  queue: string;
  /** Subject to payload class of each event it publishes: consumers validate by them. */
  events?: Record<string, EventPayloadClass>;
}

const contracts = new Map<string, ServiceContract>();
const eventPayloads = new Map<string, EventPayloadClass>();

/** Called once, at import time, by a service's contracts folder. */
export function registerServiceContract(contract: ServiceContract): void {
  if (contracts.has(contract.service) || Object.hasOwn(QueueGroups, contract.service)) {
    throw new Error(`the ${contract.service} service's contract is declared twice`);
  }
  // Its events are under its own name, so no two services (nor the older ones' EventPayloads) declare one subject.
  for (const [subject, payloadClass] of Object.entries(contract.events ?? {})) {
    if (!subject.startsWith(`evt.${contract.service}.`)) {
      throw new Error(
        `event ${subject} is not the ${contract.service} service's: its events are evt.${contract.service}.…`,
      );
    }
    eventPayloads.set(subject, payloadClass);
  }
  contracts.set(contract.service, contract);
}

/** The queue group of a service: from its contracts folder, or the services declared before the folders existed. */
export function queueGroupOf(service: string): string {
  const queue =
    contracts.get(service)?.queue ??
    (Object.hasOwn(QueueGroups, service) ? (QueueGroups as Record<string, string>)[service] : undefined);
  if (queue === undefined) {
    throw new Error(`no contract for service ${service}: export its folder from libs/contracts/src/index.ts`);
  }
  return queue;
}

/** The payload class of an event subject, whichever way its service declared it; undefined for an unknown subject. */
export function eventPayloadClassOf(subject: string): EventPayloadClass | undefined {
  return (
    eventPayloads.get(subject) ??
    (Object.hasOwn(EventPayloads, subject) ? (EventPayloads as Record<string, EventPayloadClass>)[subject] : undefined)
  );
}
