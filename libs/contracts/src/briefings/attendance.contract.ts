import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIsoWithOffset, PersonRefView } from '../common.dto';
import { AnyOf, PageQuery } from '../pagination';
import { BRIEFING_TOPICS, BriefingTopic } from './sessions.contract';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** The roster's service-number format (see CreatePersonnelRequest): officers read it off a person's card. */
export const SERVICE_NUMBER = /^[A-Za-z0-9/-]{2,30}$/;
const SERVICE_NUMBER_MESSAGE = 'must be 2-30 letters, digits, dashes or slashes';

/** Each entry names its person by `personnelId` or by `serviceNumber`, one of the two. */
export class RollCallEntry {
  @ApiPropertyOptional({ format: 'uuid', description: 'The person; or give serviceNumber instead' })
  @ValidateIf((entry: RollCallEntry) => entry.personnelId !== undefined || entry.serviceNumber === undefined)
  @IsUUID()
  personnelId?: string;

  @ApiPropertyOptional({ example: 'HRP-10452', description: "The service number on the person's card" })
  @ValidateIf((entry: RollCallEntry) => entry.serviceNumber !== undefined || entry.personnelId === undefined)
  @Matches(SERVICE_NUMBER, { message: `serviceNumber ${SERVICE_NUMBER_MESSAGE}` })
  serviceNumber?: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;

  @ApiPropertyOptional({ description: 'Signed the code-of-conduct acknowledgement (present only)', default: false })
  @IsOptional()
  @IsBoolean()
  codeOfConductAcknowledged?: boolean;

  @ApiPropertyOptional({ description: 'When they signed; default: when the roll call is recorded' })
  @IsOptional()
  @IsIsoWithOffset()
  acknowledgedAt?: string;
}

/** A roll call in bulk; recording a person again replaces their entry. */
export class RollCallRequest {
  @ApiProperty({ type: RollCallEntry, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  // ValidateNested alone takes [[entry]] for [entry].
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RollCallEntry)
  entries: RollCallEntry[];
}

export class RollCallMessage extends RollCallRequest {
  @IsUUID()
  id: string;
}

export class AttendanceView {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status: AttendanceStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) codeOfConductAcknowledgedAt: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ListAttendanceQuery extends PageQuery {
  @AnyOf(ATTENDANCE_STATUSES)
  status?: AttendanceStatus[];
}

export class ListAttendanceMessage extends ListAttendanceQuery {
  @IsUUID()
  sessionId: string;
}

/** An entry of the roll call as the list gives it: with the person's name, rank and service number. */
export class AttendanceListItemView extends AttendanceView {
  @ApiProperty({ type: PersonRefView }) personnel: PersonRefView;
}

export class RollCallResultView {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ type: AttendanceView, isArray: true }) entries: AttendanceView[];
}

export class AttendedTopicsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personnelId: string;
}

export class AttendedSessionView {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: BRIEFING_TOPICS, isArray: true }) topics: BriefingTopic[];
}

/** What readiness needs: the topics a person attended (present) and when, and their acknowledgement. */
export class AttendedTopicsView {
  @ApiProperty({ format: 'uuid' }) personnelId: string;
  @ApiProperty({ enum: BRIEFING_TOPICS, isArray: true }) topics: BriefingTopic[];
  @ApiProperty({ enum: BRIEFING_TOPICS, isArray: true, description: 'Required topics not yet attended' })
  missingRequiredTopics: BriefingTopic[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) codeOfConductAcknowledgedAt: string | null;
  @ApiProperty({ type: AttendedSessionView, isArray: true }) sessions: AttendedSessionView[];
}
