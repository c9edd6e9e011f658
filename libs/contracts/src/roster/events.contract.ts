import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import {
  DUTY_PHASES,
  DUTY_ROLES,
  DUTY_STATUSES,
  DutyPhase,
  DutyRole,
  DutyStatus,
  POST_CATEGORIES,
  POST_KINDS,
  PostCategory,
  PostKind,
} from '@rasad/duty-assignments';
import { GENDERS, Gender, LANGUAGES, Language, RANKS, Rank, TRAVEL_MODES, TravelMode } from '@rasad/personnel';

/** A district as other services name it (readiness's digest says "Haripur: 92% ready"). */
export class DistrictEvent {
  @IsUUID() id: string;
  @IsString() code: string;
  @IsString() name: string;
  @IsOptional() @IsString() province: string | null;
}

/** A person as other services need them. The CNIC stays in the roster; the phone is for notices. */
export class PersonnelEvent {
  @IsUUID() id: string;
  @IsString() serviceNumber: string;
  @IsString() name: string;
  @IsIn(RANKS) rank: Rank;
  @IsUUID() unitId: string;
  @IsUUID() homeDistrictId: string;
  @IsString() phone: string;
  @IsIn(GENDERS) gender: Gender;
  @IsArray() @IsString({ each: true }) dietaryNeeds: string[];
  @IsIn(TRAVEL_MODES) travelMode: TravelMode;
  @IsIn(LANGUAGES) language: Language;
  // Optional to validation only: events written before people could be deactivated lack them (all active).
  @IsOptional() @IsBoolean() active: boolean;
  @IsOptional() @IsISO8601() deactivatedAt: string | null;
  @IsOptional() @IsString() deactivationReason: string | null;
}

export class PostEvent {
  @IsUUID() id: string;
  @IsString() code: string;
  @IsString() name: string;
  @IsIn(POST_KINDS) kind: PostKind;
  @IsOptional() @IsIn(POST_CATEGORIES) category: PostCategory | null;
  @IsUUID() districtId: string;
  @IsUUID() tehsilId: string;
  @IsUUID() policeStationId: string;
  @IsOptional() @IsNumber() latitude: number | null;
  @IsOptional() @IsNumber() longitude: number | null;
  @IsBoolean() remote: boolean;
}

export class AssignmentEvent {
  @IsUUID() id: string;
  @IsUUID() personnelId: string;
  @IsUUID() postId: string;
  @IsIn(DUTY_ROLES) role: DutyRole;
  @IsISO8601() startsAt: string;
  @IsISO8601() endsAt: string;
  @IsIn(DUTY_PHASES) phase: DutyPhase;
  @IsIn(DUTY_STATUSES) status: DutyStatus;
}

export class AssignmentChangedEvent {
  @ValidateNested() @Type(() => AssignmentEvent) before: AssignmentEvent;
  @ValidateNested() @Type(() => AssignmentEvent) after: AssignmentEvent;
  /** Why the duty was reposted, when the officer said. */
  @IsOptional() @IsString() reason?: string | null;
}

export class AssignmentCancelledEvent extends AssignmentEvent {
  @IsOptional() @IsString() reason: string | null;
}
