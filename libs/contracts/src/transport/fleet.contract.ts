import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { NOT_NULL, TimestampsView, UpdateMessage } from '../common.dto';
import { AnyOf, PageQuery } from '../pagination';

export const VEHICLE_TYPES = ['bus', 'coaster', 'van', 'pickup', 'car', 'motorcycle'] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

export const VEHICLE_OWNERS = ['police', 'hired', 'requisitioned'] as const;
export type VehicleOwner = (typeof VEHICLE_OWNERS)[number];

export const VEHICLE_STATUSES = ['available', 'in_maintenance'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

/** Pakistani driving licence categories: light and heavy transport vehicles, public service vehicles, motorcycles. */
export const LICENCE_CLASSES = ['motorcycle', 'ltv', 'htv', 'psv'] as const;
export type LicenceClass = (typeof LICENCE_CLASSES)[number];

export const PICKUP_POINT_KINDS = ['police_lines', 'police_station', 'lodging_site'] as const;
export type PickupPointKind = (typeof PICKUP_POINT_KINDS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreateVehicleRequest {
  @ApiProperty({ example: 'HRA-1234', description: 'Unique' })
  @Matches(/^[A-Za-z0-9 -]{2,20}$/, { message: 'registration must be 2-20 letters, digits, spaces or dashes' })
  registration: string;

  @ApiProperty({ enum: VEHICLE_TYPES })
  @IsIn(VEHICLE_TYPES)
  type: VehicleType;

  @ApiProperty({ minimum: 1, maximum: 100, example: 40, description: 'Passenger seats, the driver not counted' })
  @IsInt()
  @Min(1)
  @Max(100)
  seats: number;

  @ApiProperty({ enum: VEHICLE_OWNERS })
  @IsIn(VEHICLE_OWNERS)
  owner: VehicleOwner;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiPropertyOptional({ enum: VEHICLE_STATUSES, default: 'available' })
  @IsOptional()
  @IsIn(VEHICLE_STATUSES)
  status?: VehicleStatus;

  @ApiPropertyOptional({ example: 'Hired from Hazara Transport, with its own driver' })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  notes?: string | null;
}

/** A vehicle stays in its district; seats may not fall below a manifest already booked on it. */
export class UpdateVehicleRequest extends PartialType(OmitType(CreateVehicleRequest, ['districtId']), NOT_NULL) {}

export class UpdateVehicleMessage extends UpdateMessage(UpdateVehicleRequest) {}

export class ListVehiclesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @AnyOf(VEHICLE_TYPES)
  type?: VehicleType[];

  @AnyOf(VEHICLE_STATUSES)
  status?: VehicleStatus[];
}

export class VehicleView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() registration: string;
  @ApiProperty({ enum: VEHICLE_TYPES }) type: VehicleType;
  @ApiProperty() seats: number;
  @ApiProperty({ enum: VEHICLE_OWNERS }) owner: VehicleOwner;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ enum: VEHICLE_STATUSES }) status: VehicleStatus;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
}

export class CreateDriverRequest {
  @ApiProperty({ format: 'uuid', description: 'The person in the roster who drives' })
  @IsUUID()
  personnelId: string;

  @ApiProperty({ format: 'uuid', description: 'The district whose trips they drive' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ example: 'HRP-2019-44821' })
  @IsString()
  @Length(2, 40)
  licenceNumber: string;

  @ApiProperty({ enum: LICENCE_CLASSES, description: 'psv also drives htv and ltv; htv also ltv' })
  @IsIn(LICENCE_CLASSES)
  licenceClass: LicenceClass;

  @ApiProperty({ example: '2028-06-30', description: 'The last day the licence is valid (local date)' })
  @Matches(DATE, { message: 'licenceExpiresOn must be a date, e.g. 2028-06-30' })
  licenceExpiresOn: string;
}

export class UpdateDriverRequest extends PartialType(
  OmitType(CreateDriverRequest, ['personnelId', 'districtId']),
  NOT_NULL,
) {}

export class UpdateDriverMessage extends UpdateMessage(UpdateDriverRequest) {}

export class ListDriversQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @AnyOf(LICENCE_CLASSES)
  licenceClass?: LicenceClass[];
}

export class DriverView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ type: String, nullable: true, description: 'From the roster; null until transport has heard of them' })
  name: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceNumber: string | null;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty() licenceNumber: string;
  @ApiProperty({ enum: LICENCE_CLASSES }) licenceClass: LicenceClass;
  @ApiProperty({ example: '2028-06-30' }) licenceExpiresOn: string;
}

export class CreatePickupPointRequest {
  @ApiProperty({ example: 'Police Lines Haripur' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: PICKUP_POINT_KINDS })
  @IsIn(PICKUP_POINT_KINDS)
  kind: PickupPointKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ minimum: -90, maximum: 90, example: 33.9946 })
  @Type(() => Number)
  @IsLatitude()
  latitude: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 72.9106 })
  @Type(() => Number)
  @IsLongitude()
  longitude: number;

  @ApiPropertyOptional({ example: 'G.T. Road, Haripur' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  address?: string | null;
}

export class UpdatePickupPointRequest extends PartialType(
  OmitType(CreatePickupPointRequest, ['districtId']),
  NOT_NULL,
) {}

export class UpdatePickupPointMessage extends UpdateMessage(UpdatePickupPointRequest) {}

export class ListPickupPointsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @AnyOf(PICKUP_POINT_KINDS)
  kind?: PickupPointKind[];
}

export class PickupPointView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PICKUP_POINT_KINDS }) kind: PickupPointKind;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
}
