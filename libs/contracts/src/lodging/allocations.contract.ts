import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsIsoWithOffset, TimestampsView } from '../common.dto';
import { AnyOf, PageQuery } from '../pagination';
import { IsNight } from './nights';

/** `held`: the bed is the person's that night; `released`: given back (see the night's `releaseReason`). */
export const BED_NIGHT_STATUSES = ['held', 'released'] as const;
export type BedNightStatus = (typeof BED_NIGHT_STATUSES)[number];

export const RELEASE_REASONS = ['released', 'no_show', 'checked_out', 'surplus'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

export const ALLOCATION_SOURCES = ['manual', 'auto'] as const;
export type AllocationSource = (typeof ALLOCATION_SOURCES)[number];

export class CreateAllocationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personnelId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bedId: string;

  @ApiProperty({ example: '2027-02-07', description: 'The first night, by its evening’s local date' })
  @IsNight()
  firstNight: string;

  @ApiProperty({ example: '2027-02-08', description: 'The last night (inclusive)' })
  @IsNight()
  lastNight: string;
}

export class ReleaseAllocationRequest {
  @ApiProperty({ example: 'Reposted to Khanpur' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class ReleaseAllocationMessage extends ReleaseAllocationRequest {
  @IsUUID()
  id: string;
}

/** When the person arrived or left; now when left out. */
export class StayTimeRequest {
  @ApiPropertyOptional({ example: '2027-02-07T19:40:00+05:00', description: 'Default: now' })
  @IsOptional()
  @IsIsoWithOffset()
  at?: string;
}

export class StayTimeMessage extends StayTimeRequest {
  @IsUUID()
  id: string;
}

export class ListAllocationsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() districtId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() siteId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() personnelId?: string;

  @ApiPropertyOptional({ description: 'Allocations holding a night on or after this day' })
  @IsOptional()
  @IsIsoWithOffset()
  from?: string;

  @ApiPropertyOptional({ description: 'Allocations holding a night on or before this day' })
  @IsOptional()
  @IsIsoWithOffset()
  to?: string;

  /** `held`: at least one night still held; `released`: every night given back. */
  @AnyOf(BED_NIGHT_STATUSES)
  status?: BedNightStatus[];
}

export class BedNightView {
  @ApiProperty({ example: '2027-02-07' }) night: string;
  @ApiProperty({ enum: BED_NIGHT_STATUSES }) status: BedNightStatus;
  @ApiProperty({ enum: RELEASE_REASONS, nullable: true, type: String }) releaseReason: ReleaseReason | null;
  @ApiProperty({ description: 'No live duty of the person needs this night any more' }) surplus: boolean;
}

export class AllocationPlaceView {
  @ApiProperty({ format: 'uuid' }) siteId: string;
  @ApiProperty() siteName: string;
  @ApiProperty() address: string;
  @ApiProperty({ format: 'uuid' }) roomId: string;
  @ApiProperty() roomName: string;
  @ApiProperty({ format: 'uuid' }) bedId: string;
  @ApiProperty() bedLabel: string;
}

export class AllocationView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ type: AllocationPlaceView }) place: AllocationPlaceView;
  @ApiProperty({ example: '2027-02-07' }) firstNight: string;
  @ApiProperty({ example: '2027-02-08' }) lastNight: string;
  @ApiProperty({ enum: ALLOCATION_SOURCES }) source: AllocationSource;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedOutAt: string | null;
  @ApiProperty({ type: BedNightView, isArray: true }) nights: BedNightView[];
}

export class OccupancyQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() districtId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() siteId?: string;

  @ApiProperty({ description: 'First night (a date is that local day)', example: '2027-02-07' })
  @IsIsoWithOffset()
  from: string;

  @ApiProperty({ description: 'Last night (a date is that local day)', example: '2027-02-09' })
  @IsIsoWithOffset()
  to: string;
}

/** One site on one night. */
export class OccupancyView {
  @ApiProperty({ description: '`<siteId>:<night>`' }) id: string;
  @ApiProperty({ format: 'uuid' }) siteId: string;
  @ApiProperty() siteName: string;
  @ApiProperty({ example: '2027-02-07' }) night: string;
  @ApiProperty() beds: number;
  @ApiProperty({ description: 'Beds held that night' }) held: number;
  @ApiProperty({ description: 'Of those, by people who have checked in and not yet out' }) checkedIn: number;
  @ApiProperty() free: number;
  @ApiProperty({ description: "That day's welfare check found water, toilets or power not working" })
  welfareFailing: boolean;
}
