import { IdRequest } from './common.dto';
import { Page } from './pagination';
import { ConsumerStatusView } from './events/consumer-status.contract';
import { DeadLetterView, ListDeadLettersQuery } from './events/dead-letters.contract';

export interface PingReply {
  service: string;
  database: 'up' | 'down';
}

/**
 * Subject to request and reply: a wrong payload or reply type does not compile. Here only the subjects every service
 * answers through `serviceModule()`; each service's contracts folder adds its own by declaration merging (`declare
 * module '../rpc-map' { interface RpcMap { … } }`).
 */
export interface RpcMap {
  [ping: `${string}.health.ping.v1`]: { request: Record<string, never>; reply: PingReply };
  [list: `${string}.dead-letter.list.v1`]: { request: ListDeadLettersQuery; reply: Page<DeadLetterView> };
  [replay: `${string}.dead-letter.replay.v1`]: { request: IdRequest; reply: DeadLetterView };
  [status: `${string}.consumer.status.v1`]: { request: Record<string, never>; reply: ConsumerStatusView };
}

export type RpcSubject = keyof RpcMap;
export type RpcRequest<S extends RpcSubject> = RpcMap[S]['request'];
export type RpcReply<S extends RpcSubject> = RpcMap[S]['reply'];
