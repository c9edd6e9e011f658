import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { IsIsoWithOffset } from '../common.dto';
import { LEG_KINDS, LegKind, PassengerDto, TripStopDto } from './trips.contract';

export class PlanRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ example: '2027-02-08', description: 'The local day whose uncovered legs to plan' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a day, e.g. 2027-02-08' })
  date: string;

  @ApiPropertyOptional({ enum: LEG_KINDS, description: 'Both when left out' })
  @IsOptional()
  @IsIn(LEG_KINDS)
  direction?: LegKind;
}

/** A proposed trip, exactly as `POST /transport/plans/accept` takes it back. */
export class PlannedTripDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() vehicleId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() driverId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() pickupPointId: string;
  @ApiProperty({ enum: LEG_KINDS }) @IsIn(LEG_KINDS) direction: LegKind;

  @ApiProperty({ format: 'date-time' }) @IsIsoWithOffset() startsAt: string;
  @ApiProperty({ format: 'date-time' }) @IsIsoWithOffset() endsAt: string;

  @ApiProperty({ type: TripStopDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TripStopDto)
  stops: TripStopDto[];

  @ApiProperty({ type: PassengerDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PassengerDto)
  passengers: PassengerDto[];
}

export class AcceptPlanRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ type: PlannedTripDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PlannedTripDto)
  trips: PlannedTripDto[];
}

export const UNCOVERED_REASONS = [
  'no_vehicle',
  'no_driver',
  'cannot_arrive_in_time',
  'post_without_coordinates',
  'no_pickup_point',
  'already_travelling',
] as const;
export type UncoveredReasonCode = (typeof UNCOVERED_REASONS)[number];

export class PlanCoverageView {
  @ApiProperty({ description: 'Uncovered legs the plan looked at' }) legs: number;
  @ApiProperty() legsCovered: number;
  @ApiProperty() vehiclesUsed: number;
  @ApiProperty({ description: 'Sum of the trips’ windows, in hours' }) vehicleHours: number;
  @ApiProperty() seatsFilled: number;
  @ApiProperty() seatsOffered: number;
  @ApiProperty({ description: 'One vehicle per post and time, for comparison' })
  onePerPost: { vehicles: number; vehicleHours: number };
}

export class UncoveredLegView {
  @ApiProperty({ format: 'uuid' }) legId: string;
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ enum: LEG_KINDS }) kind: LegKind;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: UNCOVERED_REASONS }) reason: UncoveredReasonCode;
}

export class PlanDraftView {
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty() date: string;
  @ApiProperty({ type: PlannedTripDto, isArray: true, description: 'Post back to /transport/plans/accept as they are' })
  trips: PlannedTripDto[];
  @ApiProperty({ type: PlanCoverageView }) coverage: PlanCoverageView;
  @ApiProperty({ type: UncoveredLegView, isArray: true }) uncovered: UncoveredLegView[];
}

export class AcceptedPlanView {
  @ApiProperty({ format: 'uuid', isArray: true }) tripIds: string[];
  @ApiProperty() passengers: number;
}
