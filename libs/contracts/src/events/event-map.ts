/**
 * Event subject to payload: emitting or handling the wrong payload does not compile. Empty here: each service's
 * contracts folder adds its own events by declaration merging (`declare module '../events/event-map' { interface
 * EventMap extends EventPayloadsOf<…> {} }`), from the payload classes it registers with `registerServiceContract`,
 * which consumers validate by.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventMap {}

/**
 * A service's part of `EventMap` from its payload classes, so each subject's payload is written once:
 * `interface EventMap extends EventPayloadsOf<typeof rosterEventClasses> {}`.
 */
export type EventPayloadsOf<Classes extends Record<string, new () => object>> = {
  [S in keyof Classes]: InstanceType<Classes[S]>;
};

/** Every event subject: `evt.<service>.<entity>.<event>.v1`, all on the RASAD_EVENTS stream. */
export type EventSubject = keyof EventMap;

export const EVENT_STREAM = 'RASAD_EVENTS';
export const EVENT_STREAM_SUBJECTS = ['evt.>'];

/** What travels on JetStream: the payload with the facts a consumer needs to apply it once and trace it. */
export interface EventEnvelope<T = unknown> {
  /** UUID v7; also the JetStream Nats-Msg-Id and the consumer's inbox key. */
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  producer: string;
  /** The HTTP request id that caused it, when there was one. */
  correlationId: string | null;
  /** The record the event is about; events of one aggregate are published in order. */
  aggregateId: string;
  payload: T;
}
