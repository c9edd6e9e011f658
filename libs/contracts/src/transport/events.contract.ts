import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { LEG_KINDS, LegKind, TRIP_STATUSES, TripStatus } from './trips.contract';

/** Transport's events, each with its trip's id as aggregate: a consumer sees one trip's story in order. */
export const TransportEvents = {
  tripPlanned: 'evt.transport.trip.planned.v1',
  tripDispatched: 'evt.transport.trip.dispatched.v1',
  tripArrived: 'evt.transport.trip.arrived.v1',
  tripCompleted: 'evt.transport.trip.completed.v1',
  tripCancelled: 'evt.transport.trip.cancelled.v1',
  manifestBooked: 'evt.transport.manifest.booked.v1',
  manifestCancelled: 'evt.transport.manifest.cancelled.v1',
} as const;

export class TripStopEvent {
  @IsInt() @Min(0) position: number;
  @IsUUID() postId: string;
  @IsISO8601() arrivesAt: string;
  @IsISO8601() departsAt: string;
  @IsOptional() @IsISO8601() arrivedAt: string | null;
}

/** A trip as it stands after the event: where and when it stops, and its status. */
export class TripEvent {
  @IsUUID() id: string;
  @IsUUID() districtId: string;
  @IsUUID() vehicleId: string;
  @IsUUID() driverId: string;
  @IsUUID() pickupPointId: string;
  @IsIn(LEG_KINDS) direction: LegKind;
  @IsISO8601() startsAt: string;
  @IsISO8601() endsAt: string;
  @IsIn(TRIP_STATUSES) status: TripStatus;
  @IsOptional() @IsString() statusReason: string | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => TripStopEvent) stops: TripStopEvent[];
}

/**
 * A passenger booked on, or taken off, a trip: readiness counts a person transported when a booked outbound leg
 * stops at their post by `legAt` (arriveBy) and a booked return leaves it after `legAt` (departAfter).
 */
export class ManifestEvent {
  @IsUUID() entryId: string;
  @IsUUID() tripId: string;
  @IsUUID() personnelId: string;
  @IsUUID() dutyId: string;
  @IsUUID() postId: string;
  @IsIn(LEG_KINDS) leg: LegKind;
  @IsISO8601() legAt: string;
  /** When the trip is at the passenger's post: arrives (outbound) or leaves (return). */
  @IsISO8601() stopArrivesAt: string;
  @IsISO8601() stopDepartsAt: string;
  @IsUUID() pickupPointId: string;
  /** The pickup point as the passenger's notice names it; absent from events recorded before it was added. */
  @IsOptional() @IsString() pickupPointName?: string;
  @IsOptional() @IsString() pickupPointAddress?: string | null;
  @IsISO8601() tripStartsAt: string;
}
