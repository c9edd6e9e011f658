import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIsoWithOffset } from '../common.dto';
import { IsOptional, IsUUID } from 'class-validator';
import { AnyOf, PageQuery } from '../pagination';
import { IsNight } from './nights';

/**
 * Why auto-allocation left a night without a bed: no site within reach had a free bed, or none in a room the
 * person may sleep in, or the roster has not yet told lodging who the person is.
 */
export const UNHOUSED_REASONS = ['no_bed_near_enough', 'no_room_for_gender', 'person_not_known'] as const;
export type UnhousedReason = (typeof UNHOUSED_REASONS)[number];

/**
 * A night as lodging sees it: `housed` (needed, a bed held), `unhoused` (needed, no bed), `surplus` (a bed held that
 * no live duty needs any more).
 */
export const NIGHT_STATES = ['housed', 'unhoused', 'surplus'] as const;
export type NightState = (typeof NIGHT_STATES)[number];

export class AutoAllocateRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ example: '2027-02-06', description: 'First night, by its evening’s local date' })
  @IsNight()
  from: string;

  @ApiProperty({ example: '2027-02-09', description: 'Last night (inclusive)' })
  @IsNight()
  to: string;
}

export class UnhousedNightView {
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty() serviceNumber: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2027-02-07' }) night: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ enum: UNHOUSED_REASONS }) reason: UnhousedReason;
}

export class AutoAllocationView {
  @ApiProperty({ description: 'Allocations made (one per person and bed, for consecutive nights)' })
  allocations: number;
  @ApiProperty({ description: 'Bed-nights newly held' }) housedNights: number;
  @ApiProperty({ description: 'Held bed-nights no live duty needs any more, given back' }) releasedSurplus: number;
  @ApiProperty({ type: UnhousedNightView, isArray: true, description: 'Every needed night still without a bed' })
  unhoused: UnhousedNightView[];
}

export class ListNightsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() districtId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() personnelId?: string;

  @ApiPropertyOptional({ description: 'First night (a date is that local day)', example: '2027-02-07' })
  @IsOptional()
  @IsIsoWithOffset()
  from?: string;

  @ApiPropertyOptional({ description: 'Last night (a date is that local day)', example: '2027-02-09' })
  @IsOptional()
  @IsIsoWithOffset()
  to?: string;

  @AnyOf(NIGHT_STATES)
  state?: NightState[];
}

export class LodgingNightView {
  @ApiProperty({ format: 'uuid', description: 'Stable per person and night' }) id: string;
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty() serviceNumber: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2027-02-07' }) night: string;
  @ApiProperty({ enum: NIGHT_STATES }) state: NightState;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The post that needs the night' })
  postId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) allocationId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) siteId: string | null;
  @ApiProperty({ description: 'Housed at a site whose welfare check that day found something not working' })
  siteFailing: boolean;
}
