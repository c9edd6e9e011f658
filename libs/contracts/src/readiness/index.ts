import { Page } from '../pagination';
import { EventPayloadsOf } from '../events/event-map';
import { registerServiceContract } from '../service-contract';
import { ReadinessDigestIssuedEvent } from './digest.contract';
import { ReadinessVerdictChangedEvent } from './events.contract';
import {
  ListReadinessGapsQuery,
  ListReadinessPostsQuery,
  ReadinessAssignmentRequest,
  ReadinessAssignmentView,
  ReadinessGapView,
  ReadinessPostView,
  ReadinessRollupQuery,
  ReadinessRollupView,
  ReadinessSummaryQuery,
  ReadinessSummaryView,
} from './readiness.contract';

export * from './digest.contract';
export * from './events.contract';
export * from './readiness.contract';

/**
 * Everything the readiness service shares with its callers, in one folder: its subjects, its parts of the RPC and event
 * maps, its event payloads and its queue group (docs/adding-a-service.md).
 */
export const ReadinessSubjects = {
  ping: 'readiness.health.ping.v1',
  summary: 'readiness.summary.get.v1',
  rollup: 'readiness.rollup.get.v1',
  postList: 'readiness.post.list.v1',
  gapList: 'readiness.gap.list.v1',
  assignmentGet: 'readiness.assignment.get.v1',
} as const;

export const ReadinessEvents = {
  verdictChanged: 'evt.readiness.verdict.changed.v1',
  digestIssued: 'evt.readiness.digest.issued.v1',
} as const;

declare module '../rpc-map' {
  interface RpcMap {
    [ReadinessSubjects.summary]: { request: ReadinessSummaryQuery; reply: ReadinessSummaryView };
    [ReadinessSubjects.rollup]: { request: ReadinessRollupQuery; reply: ReadinessRollupView };
    [ReadinessSubjects.postList]: { request: ListReadinessPostsQuery; reply: Page<ReadinessPostView> };
    [ReadinessSubjects.gapList]: { request: ListReadinessGapsQuery; reply: Page<ReadinessGapView> };
    [ReadinessSubjects.assignmentGet]: { request: ReadinessAssignmentRequest; reply: ReadinessAssignmentView };
  }
}

/** Each event's payload class: consumers validate the event by it, and its instances are the event's type. */
const readinessEventClasses = {
  [ReadinessEvents.verdictChanged]: ReadinessVerdictChangedEvent,
  [ReadinessEvents.digestIssued]: ReadinessDigestIssuedEvent,
};

declare module '../events/event-map' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EventMap extends EventPayloadsOf<typeof readinessEventClasses> {}
}

registerServiceContract({ service: 'readiness', queue: 'readiness', events: readinessEventClasses });
