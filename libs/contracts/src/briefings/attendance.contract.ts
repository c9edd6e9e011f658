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
  ValidateNested,
} from 'class-validator';
import { IsIsoWithOffset } from '../common.dto';
import { BRIEFING_TOPICS, BriefingTopic } from './sessions.contract';

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export class RollCallEntry {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personnelId: string;

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
