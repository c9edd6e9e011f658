import { IdRequest } from '../common.dto';
import { Page } from '../pagination';
import { PingReply } from '../rpc-map';
import { EventPayloadsOf } from '../events/event-map';
import { registerServiceContract } from '../service-contract';
import {
  AllocationView,
  CreateAllocationRequest,
  ListAllocationsQuery,
  OccupancyQuery,
  OccupancyView,
  ReleaseAllocationMessage,
  StayTimeMessage,
} from './allocations.contract';
import { LodgingEventPayloads } from './lodging-events';
import { AutoAllocateRequest, AutoAllocationView, ListNightsQuery, LodgingNightView } from './needs.contract';
import {
  AddBedsMessage,
  CreateRoomMessage,
  CreateSiteRequest,
  ListSitesQuery,
  RecordWelfareCheckMessage,
  RoomView,
  SiteDetailView,
  SiteView,
  WelfareCheckView,
} from './sites.contract';

export * from './allocations.contract';
export * from './lodging-events';
export * from './needs.contract';
export * from './nights';
export * from './sites.contract';

/**
 * Everything the lodging service shares with its callers, in one folder: its subjects, its part of the RPC map, its
 * event payloads and its queue group (docs/adding-a-service.md).
 */
export const LodgingSubjects = {
  ping: 'lodging.health.ping.v1',
  siteCreate: 'lodging.site.create.v1',
  siteGet: 'lodging.site.get.v1',
  siteList: 'lodging.site.list.v1',
  roomCreate: 'lodging.room.create.v1',
  bedAdd: 'lodging.bed.add.v1',
  welfareCheckRecord: 'lodging.welfare-check.record.v1',
  allocationCreate: 'lodging.allocation.create.v1',
  allocationGet: 'lodging.allocation.get.v1',
  allocationList: 'lodging.allocation.list.v1',
  allocationRelease: 'lodging.allocation.release.v1',
  allocationCheckIn: 'lodging.allocation.check-in.v1',
  allocationCheckOut: 'lodging.allocation.check-out.v1',
  allocationAuto: 'lodging.allocation.auto.v1',
  occupancyList: 'lodging.occupancy.list.v1',
  nightList: 'lodging.night.list.v1',
} as const;

declare module '../rpc-map' {
  interface RpcMap {
    [LodgingSubjects.ping]: { request: Record<string, never>; reply: PingReply };
    [LodgingSubjects.siteCreate]: { request: CreateSiteRequest; reply: SiteDetailView };
    [LodgingSubjects.siteGet]: { request: IdRequest; reply: SiteDetailView };
    [LodgingSubjects.siteList]: { request: ListSitesQuery; reply: Page<SiteView> };
    [LodgingSubjects.roomCreate]: { request: CreateRoomMessage; reply: RoomView };
    [LodgingSubjects.bedAdd]: { request: AddBedsMessage; reply: RoomView };
    [LodgingSubjects.welfareCheckRecord]: { request: RecordWelfareCheckMessage; reply: WelfareCheckView };
    [LodgingSubjects.allocationCreate]: { request: CreateAllocationRequest; reply: AllocationView };
    [LodgingSubjects.allocationGet]: { request: IdRequest; reply: AllocationView };
    [LodgingSubjects.allocationList]: { request: ListAllocationsQuery; reply: Page<AllocationView> };
    [LodgingSubjects.allocationRelease]: { request: ReleaseAllocationMessage; reply: AllocationView };
    [LodgingSubjects.allocationCheckIn]: { request: StayTimeMessage; reply: AllocationView };
    [LodgingSubjects.allocationCheckOut]: { request: StayTimeMessage; reply: AllocationView };
    [LodgingSubjects.allocationAuto]: { request: AutoAllocateRequest; reply: AutoAllocationView };
    [LodgingSubjects.occupancyList]: { request: OccupancyQuery; reply: Page<OccupancyView> };
    [LodgingSubjects.nightList]: { request: ListNightsQuery; reply: Page<LodgingNightView> };
  }
}

declare module '../events/event-map' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EventMap extends EventPayloadsOf<typeof LodgingEventPayloads> {}
}

registerServiceContract({ service: 'lodging', queue: 'lodging', events: LodgingEventPayloads });
