import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsISO8601, IsString, IsUUID, ValidateNested } from 'class-validator';
import { READINESS_CHECKS, ReadinessCheck } from './readiness.contract';

export class ReadinessMissingEvent {
  @IsIn(READINESS_CHECKS) check: ReadinessCheck;
  @IsString() code: string;
  @IsString() text: string;
}

export class ReadinessChecksEvent {
  @IsBoolean() briefed: boolean;
  @IsBoolean() transported: boolean;
  @IsBoolean() lodged: boolean;
  @IsBoolean() fed: boolean;
}

/**
 * An assignment's verdict (what it lacks) changed. A duty cancelled or ended lacks nothing any more: `missing` is empty
 * and every check true, and it leaves the reports.
 */
export class ReadinessVerdictChangedEvent {
  @IsUUID() assignmentId: string;
  @IsUUID() districtId: string;
  @IsUUID() tehsilId: string;
  @IsUUID() policeStationId: string;
  @IsUUID() postId: string;
  @IsISO8601() startsAt: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReadinessMissingEvent) missing: ReadinessMissingEvent[];
  @ValidateNested() @Type(() => ReadinessChecksEvent) checks: ReadinessChecksEvent;
  @IsISO8601() changedAt: string;
}
