import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { DUTY_PHASES, DUTY_ROLES, DUTY_STATUSES, DutyPhase, DutyRole, DutyStatus } from '@rasad/duty-assignments';
import { IsIsoWithOffset, NOT_NULL, PersonRefView, TimestampsView, UpdateMessage } from '../common.dto';
import { AnyOf, PageQuery } from '../pagination';

export const SETTABLE_STATUSES = DUTY_STATUSES.filter((s) => s !== 'cancelled');

export class CreateAssignmentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personnelId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  postId: string;

  @ApiProperty({ enum: DUTY_ROLES })
  @IsIn(DUTY_ROLES)
  role: DutyRole;

  @ApiProperty({ example: '2027-02-08T06:00:00+05:00' })
  @IsIsoWithOffset()
  startsAt: string;

  @ApiProperty({ example: '2027-02-08T20:00:00+05:00' })
  @IsIsoWithOffset()
  endsAt: string;

  @ApiProperty({ enum: DUTY_PHASES })
  @IsIn(DUTY_PHASES)
  phase: DutyPhase;

  @ApiPropertyOptional({ enum: SETTABLE_STATUSES, default: 'planned', description: 'Cancel with the cancel route' })
  @IsOptional()
  @IsIn(SETTABLE_STATUSES, {
    message: `status must be one of: ${SETTABLE_STATUSES.join(', ')} (cancel with POST /assignments/:id/cancel)`,
  })
  status?: DutyStatus;
}

/** Reposting: a new post or window keeps the no-overlap rule. */
export class UpdateAssignmentRequest extends PartialType(
  PickType(CreateAssignmentRequest, ['postId', 'role', 'startsAt', 'endsAt', 'phase', 'status'] as const),
  NOT_NULL,
) {
  @ApiPropertyOptional({
    example: 'HRP-PS-007',
    description: 'The new post by its code, as imports take it; not with postId',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  postCode?: string;

  @ApiPropertyOptional({
    example: 'Polling station moved to the girls school',
    description: 'Why, when the change is a repost (a new post or window): kept on the duty and told to the person',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class UpdateAssignmentMessage extends UpdateMessage(UpdateAssignmentRequest) {}

export class CancelAssignmentRequest {
  @ApiPropertyOptional({ example: 'Polling station merged' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class CancelAssignmentMessage extends CancelAssignmentRequest {
  @IsUUID()
  id: string;
}

export class ListAssignmentsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'District of the post' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  postId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  personnelId?: string;

  /** Cancelled duties are listed only when named here or with includeCancelled. */
  @AnyOf(DUTY_STATUSES)
  status?: DutyStatus[];

  @ApiPropertyOptional({ description: 'Also list cancelled duties', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeCancelled?: boolean;

  @ApiPropertyOptional({ enum: DUTY_PHASES })
  @IsOptional()
  @IsIn(DUTY_PHASES)
  phase?: DutyPhase;

  @ApiPropertyOptional({ description: 'Duties that end after this instant', example: '2027-02-08T00:00:00+05:00' })
  @IsOptional()
  @IsIsoWithOffset()
  from?: string;

  @ApiPropertyOptional({ description: 'Duties that start before this instant', example: '2027-02-09T00:00:00+05:00' })
  @IsOptional()
  @IsIsoWithOffset()
  to?: string;
}

export class AssignmentView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ enum: DUTY_ROLES }) role: DutyRole;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: DUTY_PHASES }) phase: DutyPhase;
  @ApiProperty({ enum: DUTY_STATUSES }) status: DutyStatus;
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was last reposted, if the officer said' })
  changeReason: string | null;
}

export class DutyPostView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

/** A duty as a list gives it: with who and where, so an officer can read the list without looking up each id. */
export class AssignmentListItemView extends AssignmentView {
  @ApiProperty({ type: PersonRefView }) personnel: PersonRefView;
  @ApiProperty({ type: DutyPostView }) post: DutyPostView;
}
