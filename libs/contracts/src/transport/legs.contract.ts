import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { AnyOf, PageQuery } from '../pagination';
import { LEG_KINDS, LegKind } from './trips.contract';

/**
 * A leg a duty needs, as transport last worked it out from the roster's duties: covered by a booked trip that gets
 * the person there by `arriveBy` (outbound) or takes them away after `departAfter` (return), uncovered, or void (a
 * reposting or cancellation took it away).
 */
export const LEG_STATUSES = ['covered', 'uncovered', 'void'] as const;
export type LegStatus = (typeof LEG_STATUSES)[number];

export class ListLegsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "The post's district" })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiProperty({ example: '2027-02-08', description: 'The local day the leg falls on (its arriveBy or departAfter)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a day, e.g. 2027-02-08' })
  date: string;

  /** Covered and uncovered when not given: void legs only when asked for. */
  @AnyOf(LEG_STATUSES)
  status?: LegStatus[];

  @AnyOf(LEG_KINDS)
  kind?: LegKind[];
}

export class LegTripView {
  @ApiProperty({ format: 'uuid' }) tripId: string;
  @ApiProperty({ format: 'uuid' }) manifestEntryId: string;
}

export class LegView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceNumber: string | null;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ type: String, nullable: true }) postCode: string | null;
  @ApiProperty({ type: String, nullable: true }) postName: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The post's; null until transport hears of the post",
  })
  districtId: string | null;
  @ApiProperty({ enum: LEG_KINDS }) kind: LegKind;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Outbound legs' })
  arriveBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Return legs' })
  departAfter: string | null;
  @ApiProperty({ format: 'uuid', isArray: true, description: 'The duties of the stay this leg serves' })
  dutyIds: string[];
  @ApiProperty({ enum: LEG_STATUSES }) status: LegStatus;
  @ApiProperty({ type: LegTripView, nullable: true }) coveredBy: LegTripView | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it became void: reposted, duty_cancelled, …' })
  voidReason: string | null;
}
