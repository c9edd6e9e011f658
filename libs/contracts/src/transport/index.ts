import { IdRequest, UpdateRequest } from '../common.dto';
import { Page } from '../pagination';
import { PingReply } from '../rpc-map';
import { EventPayloadsOf } from '../events/event-map';
import { registerServiceContract } from '../service-contract';
import { ManifestEvent, TransportEvents, TripEvent } from './events.contract';
import {
  CreateDriverRequest,
  CreatePickupPointRequest,
  CreateVehicleRequest,
  DriverView,
  ListDriversQuery,
  ListPickupPointsQuery,
  ListVehiclesQuery,
  PickupPointView,
  UpdateDriverRequest,
  UpdatePickupPointRequest,
  UpdateVehicleRequest,
  VehicleView,
} from './fleet.contract';
import { LegView, ListLegsQuery } from './legs.contract';
import { RunSheetView } from './run-sheets.contract';
import { AcceptPlanRequest, AcceptedPlanView, PlanDraftView, PlanRequest } from './plans.contract';
import {
  AddPassengersMessage,
  ArriveAtStopMessage,
  CancelTripMessage,
  CreateTripRequest,
  ListManifestMessage,
  ListTripsQuery,
  ManifestEntryView,
  RemovePassengerMessage,
  TripView,
} from './trips.contract';

export * from './events.contract';
export * from './fleet.contract';
export * from './legs.contract';
export * from './plans.contract';
export * from './run-sheets.contract';
export * from './trips.contract';

/**
 * Everything the transport service shares with its callers, in one folder: its subjects, its part of the RPC map, its
 * event payloads and its queue group (docs/adding-a-service.md).
 */
export const TransportSubjects = {
  ping: 'transport.health.ping.v1',
  vehicleCreate: 'transport.vehicle.create.v1',
  vehicleGet: 'transport.vehicle.get.v1',
  vehicleList: 'transport.vehicle.list.v1',
  vehicleUpdate: 'transport.vehicle.update.v1',
  driverCreate: 'transport.driver.create.v1',
  driverGet: 'transport.driver.get.v1',
  driverList: 'transport.driver.list.v1',
  driverUpdate: 'transport.driver.update.v1',
  pickupPointCreate: 'transport.pickup-point.create.v1',
  pickupPointGet: 'transport.pickup-point.get.v1',
  pickupPointList: 'transport.pickup-point.list.v1',
  pickupPointUpdate: 'transport.pickup-point.update.v1',
  tripCreate: 'transport.trip.create.v1',
  tripGet: 'transport.trip.get.v1',
  tripList: 'transport.trip.list.v1',
  tripCancel: 'transport.trip.cancel.v1',
  tripDispatch: 'transport.trip.dispatch.v1',
  tripArrive: 'transport.trip.arrive.v1',
  tripComplete: 'transport.trip.complete.v1',
  tripRunSheet: 'transport.trip.run-sheet.v1',
  manifestAdd: 'transport.manifest.add.v1',
  manifestRemove: 'transport.manifest.remove.v1',
  manifestList: 'transport.manifest.list.v1',
  legList: 'transport.leg.list.v1',
  planDraft: 'transport.plan.draft.v1',
  planAccept: 'transport.plan.accept.v1',
} as const;

declare module '../rpc-map' {
  interface RpcMap {
    [TransportSubjects.ping]: { request: Record<string, never>; reply: PingReply };
    [TransportSubjects.vehicleCreate]: { request: CreateVehicleRequest; reply: VehicleView };
    [TransportSubjects.vehicleGet]: { request: IdRequest; reply: VehicleView };
    [TransportSubjects.vehicleList]: { request: ListVehiclesQuery; reply: Page<VehicleView> };
    [TransportSubjects.vehicleUpdate]: { request: UpdateRequest<UpdateVehicleRequest>; reply: VehicleView };
    [TransportSubjects.driverCreate]: { request: CreateDriverRequest; reply: DriverView };
    [TransportSubjects.driverGet]: { request: IdRequest; reply: DriverView };
    [TransportSubjects.driverList]: { request: ListDriversQuery; reply: Page<DriverView> };
    [TransportSubjects.driverUpdate]: { request: UpdateRequest<UpdateDriverRequest>; reply: DriverView };
    [TransportSubjects.pickupPointCreate]: { request: CreatePickupPointRequest; reply: PickupPointView };
    [TransportSubjects.pickupPointGet]: { request: IdRequest; reply: PickupPointView };
    [TransportSubjects.pickupPointList]: { request: ListPickupPointsQuery; reply: Page<PickupPointView> };
    [TransportSubjects.pickupPointUpdate]: { request: UpdateRequest<UpdatePickupPointRequest>; reply: PickupPointView };
    [TransportSubjects.tripCreate]: { request: CreateTripRequest; reply: TripView };
    [TransportSubjects.tripGet]: { request: IdRequest; reply: TripView };
    [TransportSubjects.tripList]: { request: ListTripsQuery; reply: Page<TripView> };
    [TransportSubjects.tripCancel]: { request: CancelTripMessage; reply: TripView };
    [TransportSubjects.tripDispatch]: { request: IdRequest; reply: TripView };
    [TransportSubjects.tripArrive]: { request: ArriveAtStopMessage; reply: TripView };
    [TransportSubjects.tripComplete]: { request: IdRequest; reply: TripView };
    [TransportSubjects.tripRunSheet]: { request: IdRequest; reply: RunSheetView };
    [TransportSubjects.manifestAdd]: { request: AddPassengersMessage; reply: ManifestEntryView[] };
    [TransportSubjects.manifestRemove]: { request: RemovePassengerMessage; reply: ManifestEntryView };
    [TransportSubjects.manifestList]: { request: ListManifestMessage; reply: Page<ManifestEntryView> };
    [TransportSubjects.legList]: { request: ListLegsQuery; reply: Page<LegView> };
    [TransportSubjects.planDraft]: { request: PlanRequest; reply: PlanDraftView };
    [TransportSubjects.planAccept]: { request: AcceptPlanRequest; reply: AcceptedPlanView };
  }
}

/** Each event's payload class: consumers validate the event by it, and its instances are the event's type. */
const transportEventClasses = {
  [TransportEvents.tripPlanned]: TripEvent,
  [TransportEvents.tripDispatched]: TripEvent,
  [TransportEvents.tripArrived]: TripEvent,
  [TransportEvents.tripCompleted]: TripEvent,
  [TransportEvents.tripCancelled]: TripEvent,
  [TransportEvents.manifestBooked]: ManifestEvent,
  [TransportEvents.manifestCancelled]: ManifestEvent,
};

declare module '../events/event-map' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface EventMap extends EventPayloadsOf<typeof transportEventClasses> {}
}

registerServiceContract({ service: 'transport', queue: 'transport', events: transportEventClasses });
