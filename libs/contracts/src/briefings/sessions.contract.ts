import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { BRIEFING_TOPICS, BriefingTopic } from '@rasad/duty-assignments';
import { IsIsoWithOffset, QueryFlag, TimestampsView } from '../common.dto';
import { AnyOf, PageQuery } from '../pagination';

// The topics and which of them a duty requires are domain rules, shared by every service that reasons about them.
export { BRIEFING_TOPICS, REQUIRED_BRIEFING_TOPICS } from '@rasad/duty-assignments';
export type { BriefingTopic } from '@rasad/duty-assignments';

export const SESSION_STATUSES = ['scheduled', 'cancelled', 'completed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export class VenueDto {
  @ApiProperty({ example: 'Police Lines Hall, Haripur' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'Police Lines, G.T. Road, Haripur' })
  @IsString()
  @Length(1, 500)
  address: string;

  @ApiProperty({ minimum: 1, maximum: 5000, example: 120 })
  @IsInt()
  @Min(1)
  @Max(5000)
  capacity: number;
}

export class CreateSessionRequest {
  @ApiProperty({ example: 'Code of conduct and security protocol, Haripur tehsil' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ enum: BRIEFING_TOPICS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(BRIEFING_TOPICS, { each: true })
  topics: BriefingTopic[];

  @ApiProperty({ type: VenueDto })
  // ValidateNested alone lets a missing venue or an array of venues through.
  @IsObject()
  @ValidateNested()
  @Type(() => VenueDto)
  venue: VenueDto;

  @ApiProperty({ example: '2027-02-05T10:00:00+05:00' })
  @IsIsoWithOffset()
  startsAt: string;

  @ApiProperty({ example: '2027-02-05T12:00:00+05:00' })
  @IsIsoWithOffset()
  endsAt: string;

  @ApiProperty({ example: 'DSP Legal, Haripur' })
  @IsString()
  @Length(1, 200)
  presenter: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;
}

/**
 * A new time (in the future) and, optionally, a new venue; invitees keep their seats and get a change notice, except
 * those whose duty the new time outruns or overlaps (the answer names the latter in `releasedForClash`).
 */
export class RescheduleSessionRequest {
  @ApiProperty({ example: '2027-02-06T10:00:00+05:00' })
  @IsIsoWithOffset()
  startsAt: string;

  @ApiProperty({ example: '2027-02-06T12:00:00+05:00' })
  @IsIsoWithOffset()
  endsAt: string;

  @ApiPropertyOptional({ type: VenueDto, description: 'A new venue; its capacity may not fall below the seats taken' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => VenueDto)
  venue?: VenueDto;

  @ApiProperty({ example: 'Hall needed for ballot distribution' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class RescheduleSessionMessage extends RescheduleSessionRequest {
  @IsUUID()
  id: string;
}

export class CancelSessionRequest {
  @ApiProperty({ example: 'Presenter on leave' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class CancelSessionMessage extends CancelSessionRequest {
  @IsUUID()
  id: string;
}

export class ListSessionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  /** Cancelled sessions are listed only when named here or with includeCancelled. */
  @AnyOf(SESSION_STATUSES)
  status?: SessionStatus[];

  @QueryFlag('Also list cancelled sessions')
  includeCancelled?: boolean;

  @ApiPropertyOptional({ description: 'Sessions that end after this instant', example: '2027-02-01T00:00:00+05:00' })
  @IsOptional()
  @IsIsoWithOffset()
  from?: string;

  @ApiPropertyOptional({ description: 'Sessions that start before this instant', example: '2027-02-08T00:00:00+05:00' })
  @IsOptional()
  @IsIsoWithOffset()
  to?: string;
}

export class VenueView {
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() capacity: number;
}

export class SessionView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: BRIEFING_TOPICS, isArray: true }) topics: BriefingTopic[];
  @ApiProperty({ type: VenueView }) venue: VenueView;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() presenter: string;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty({ description: 'Invitations invited or confirmed; never above venue.capacity' }) seatsTaken: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was last rescheduled or cancelled' })
  statusReason: string | null;
  @ApiProperty({ description: 'Grows with every reschedule or cancel (iCalendar SEQUENCE)' }) sequence: number;
}

/** A seat given back because the rescheduled slot overlaps a live duty of the person's. */
export class ClashReleaseView {
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ format: 'uuid' }) invitationId: string;
  @ApiProperty({ format: 'uuid', description: 'Their earliest duty overlapping the new slot' }) dutyId: string;
  @ApiProperty({ format: 'date-time' }) dutyStartsAt: string;
  @ApiProperty({ format: 'date-time' }) dutyEndsAt: string;
}

/** The moved session, and whom the move released because it now falls during their duty (reason `duty_clash`). */
export class RescheduleResultView extends SessionView {
  @ApiProperty({ type: ClashReleaseView, isArray: true }) releasedForClash: ClashReleaseView[];
}
