import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoWithOffset, TimestampsView } from '../common.dto';
import { AnyOf, PageQuery } from '../pagination';

export const TRIP_STATUSES = ['planned', 'dispatched', 'en_route', 'completed', 'cancelled'] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];

/** Outbound: from the pickup point to the posts, before duty. Return: from the posts back to it, after duty. */
export const LEG_KINDS = ['outbound', 'return'] as const;
export type LegKind = (typeof LEG_KINDS)[number];

/** Why a booked passenger needs the officer's eye: their duty moved or was called off after the booking. */
export const MANIFEST_FLAGS = ['reposted', 'duty_cancelled'] as const;
export type ManifestFlag = (typeof MANIFEST_FLAGS)[number];

export const MANIFEST_STATUSES = ['booked', 'cancelled'] as const;
export type ManifestStatus = (typeof MANIFEST_STATUSES)[number];

export class TripStopDto {
  @ApiProperty({ format: 'uuid', description: 'A post (polling station, checkpoint…) of the trip’s district' })
  @IsUUID()
  postId: string;

  @ApiProperty({ example: '2027-02-08T05:40:00+05:00' })
  @IsIsoWithOffset()
  arrivesAt: string;

  @ApiProperty({ example: '2027-02-08T05:45:00+05:00' })
  @IsIsoWithOffset()
  departsAt: string;
}

export class CreateTripRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  vehicleId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  driverId: string;

  @ApiProperty({ format: 'uuid', description: 'Where outbound trips start and return trips end' })
  @IsUUID()
  pickupPointId: string;

  @ApiProperty({ enum: LEG_KINDS })
  @IsIn(LEG_KINDS)
  direction: LegKind;

  @ApiProperty({ example: '2027-02-08T05:00:00+05:00', description: 'The vehicle is taken from here' })
  @IsIsoWithOffset()
  startsAt: string;

  @ApiProperty({ example: '2027-02-08T06:30:00+05:00', description: 'until here' })
  @IsIsoWithOffset()
  endsAt: string;

  @ApiProperty({ type: TripStopDto, isArray: true, description: 'In the order driven, inside the trip’s window' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TripStopDto)
  stops: TripStopDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  notes?: string | null;
}

export class CancelTripRequest {
  @ApiProperty({ example: 'Vehicle broke down' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class CancelTripMessage extends CancelTripRequest {
  @IsUUID()
  id: string;
}

export class ArriveAtStopRequest {
  @ApiPropertyOptional({ example: '2027-02-08T05:42:00+05:00', description: 'When it arrived; now when left out' })
  @IsOptional()
  @IsIsoWithOffset()
  arrivedAt?: string;
}

export class ArriveAtStopMessage extends ArriveAtStopRequest {
  @IsUUID()
  id: string;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  position: number;
}

export class ListTripsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  vehicleId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  driverId?: string;

  @AnyOf(TRIP_STATUSES)
  status?: TripStatus[];

  @AnyOf(LEG_KINDS)
  direction?: LegKind[];

  @ApiPropertyOptional({ description: 'Trips that end after this instant', example: '2027-02-08' })
  @IsOptional()
  @IsIsoWithOffset()
  from?: string;

  @ApiPropertyOptional({ description: 'Trips that start before this instant', example: '2027-02-08' })
  @IsOptional()
  @IsIsoWithOffset()
  to?: string;
}

export class PassengerDto {
  @ApiProperty({ format: 'uuid', description: 'The duty this leg takes them to or from' })
  @IsUUID()
  dutyId: string;
}

export class AddPassengersRequest {
  @ApiProperty({ type: PassengerDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PassengerDto)
  passengers: PassengerDto[];
}

export class AddPassengersMessage extends AddPassengersRequest {
  @IsUUID()
  id: string;
}

export class RemovePassengerMessage {
  @IsUUID()
  id: string;

  @IsUUID()
  entryId: string;
}

export class TripStopView {
  @ApiProperty() position: number;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ type: String, nullable: true }) postCode: string | null;
  @ApiProperty({ type: String, nullable: true }) postName: string | null;
  @ApiProperty({ format: 'date-time' }) arrivesAt: string;
  @ApiProperty({ format: 'date-time' }) departsAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) arrivedAt: string | null;
  @ApiProperty({ description: 'Arrived after a passenger’s arriveBy there (outbound)' }) late: boolean;
}

export class TripView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ format: 'uuid' }) vehicleId: string;
  @ApiProperty({ format: 'uuid' }) driverId: string;
  @ApiProperty({ format: 'uuid' }) pickupPointId: string;
  @ApiProperty({ enum: LEG_KINDS }) direction: LegKind;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: TRIP_STATUSES }) status: TripStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
  @ApiProperty({ description: 'The vehicle’s passenger seats' }) seats: number;
  @ApiProperty({ description: 'Passengers booked; never above seats' }) seatsTaken: number;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: TripStopView, isArray: true }) stops: TripStopView[];
}

export class ManifestEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tripId: string;
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceNumber: string | null;
  @ApiProperty({ format: 'uuid' }) dutyId: string;
  @ApiProperty({ enum: LEG_KINDS }) leg: LegKind;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ enum: MANIFEST_STATUSES }) status: ManifestStatus;
  @ApiProperty({ enum: MANIFEST_FLAGS, nullable: true }) flag: ManifestFlag | null;
  @ApiProperty({ type: String, nullable: true }) flagReason: string | null;
}

export class ListManifestQuery extends PageQuery {
  @AnyOf(MANIFEST_STATUSES)
  status?: ManifestStatus[];

  @AnyOf(MANIFEST_FLAGS)
  flag?: ManifestFlag[];
}

export class ListManifestMessage extends ListManifestQuery {
  @IsUUID()
  id: string;
}
