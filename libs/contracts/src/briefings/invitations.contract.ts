import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DUTY_PHASES, DUTY_ROLES, DutyPhase, DutyRole, POST_CATEGORIES, PostCategory } from '@rasad/duty-assignments';
import { PersonRefView, QueryFlag, TimestampsView } from '../common.dto';
import { SERVICE_NUMBER } from './attendance.contract';
import { ProjectionLagView } from '../events/consumer-status.contract';
import { AnyOf, PageQuery } from '../pagination';

export const INVITATION_STATUSES = ['invited', 'confirmed', 'declined', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
/** Invitations that hold a seat. */
export const SEATED_INVITATION_STATUSES: readonly InvitationStatus[] = ['invited', 'confirmed'];

/**
 * Who to consider; every filter narrows, all are optional. Duties are always those posted in the session's district.
 */
export class AudienceSelector {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() tehsilId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() policeStationId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "The person's unit" }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: POST_CATEGORIES, description: 'ECP category of the polling station' })
  @IsOptional()
  @IsIn(POST_CATEGORIES)
  postCategory?: PostCategory;
  @ApiPropertyOptional({ enum: DUTY_PHASES }) @IsOptional() @IsIn(DUTY_PHASES) phase?: DutyPhase;
  @ApiPropertyOptional({ enum: DUTY_ROLES }) @IsOptional() @IsIn(DUTY_ROLES) role?: DutyRole;

  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true, description: 'Only these people' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  personnelIds?: string[];
}

/** Without a selector (or with an empty one), everyone eligible in the session's district. */
export class FillSessionRequest {
  @ApiPropertyOptional({ type: AudienceSelector, description: 'Narrows the audience; default: the whole district' })
  @IsOptional()
  // ValidateNested alone lets an array of selectors through.
  @IsObject()
  @ValidateNested()
  @Type(() => AudienceSelector)
  selector?: AudienceSelector;
}

export class FillSessionMessage extends FillSessionRequest {
  @IsUUID()
  id: string;
}

export class FilledPersonView {
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ format: 'date-time', description: 'Their earliest eligible duty' }) firstDutyStartsAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) invitationId: string | null;
}

export class FillResultView {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ type: FilledPersonView, isArray: true, description: 'Invited now, earliest duty first' })
  invited: FilledPersonView[];
  @ApiProperty({
    type: FilledPersonView,
    isArray: true,
    description: 'Eligible but no seat was left, earliest duty first; at most the first 1,000',
  })
  leftOver: FilledPersonView[];
  @ApiProperty({ description: 'How many eligible people got no seat, including any beyond the listed 1,000' })
  leftOverTotal: number;
  @ApiProperty() seatsTaken: number;
  @ApiProperty() capacity: number;
  @ApiPropertyOptional({
    type: ProjectionLagView,
    description: 'Present when briefings had not yet applied every roster event: people may be missing from this fill',
  })
  projectionLag?: ProjectionLagView;
}

/**
 * Manual invitations, by id or by service number (either list, or both): each person must serve in the session's
 * district and seats must remain.
 */
export class InviteRequest {
  @ApiPropertyOptional({ type: String, format: 'uuid', isArray: true })
  @ValidateIf(
    (body: InviteRequest) =>
      body.personnelIds !== undefined || body.serviceNumbers === undefined || body.serviceNumbers === null,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  personnelIds?: string[];

  @ApiPropertyOptional({ type: String, isArray: true, example: ['HRP-10452'], description: 'Service numbers' })
  @ValidateIf((body: InviteRequest) => body.serviceNumbers !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @Matches(SERVICE_NUMBER, {
    each: true,
    message: 'each of serviceNumbers must be 2-30 letters, digits, dashes or slashes',
  })
  serviceNumbers?: string[];
}

export class InviteMessage extends InviteRequest {
  @IsUUID()
  id: string;
}

const ANSWERS = ['confirmed', 'declined', 'cancelled'] as const;

export class AnswerInvitationRequest {
  @ApiProperty({ enum: ANSWERS })
  @IsIn(ANSWERS)
  status: (typeof ANSWERS)[number];

  @ApiPropertyOptional({ example: 'On leave that day' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class AnswerInvitationMessage extends AnswerInvitationRequest {
  @IsUUID() sessionId: string;
  @IsUUID() invitationId: string;
}

export class ListInvitationsQuery extends PageQuery {
  /** Cancelled invitations (seats given back) are listed only when named here or with includeCancelled. */
  @AnyOf(INVITATION_STATUSES)
  status?: InvitationStatus[];

  @QueryFlag('Also list cancelled invitations (seats given back)')
  includeCancelled?: boolean;
}

export class ListInvitationsMessage extends ListInvitationsQuery {
  @IsUUID()
  sessionId: string;
}

export class InvitationView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ type: PersonRefView }) personnel: PersonRefView;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
}
