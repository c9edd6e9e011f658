import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';

import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { MayBeOmitted } from '../common.dto';
import { AnyOf, PageQuery } from '../pagination';

export const ROLES = ['admin', 'logistics_officer', 'briefing_officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see CNIC and phone in full (every such read is audited). */
export const PII_ROLES: readonly Role[] = ['admin', 'logistics_officer'];

export class LoginRequest {
  @ApiProperty({ example: 'admin' }) @IsString() @Length(1, 60) username: string;
  @ApiProperty() @IsString() @Length(1, 200) password: string;
}

export class TokenView {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({
    description: 'Exchange at POST /auth/refresh for a new pair before it expires; it works once',
  })
  refreshToken: string;
}

export class RefreshRequest {
  @ApiProperty({ description: 'The refreshToken from the last sign-in or refresh' })
  @IsString()
  @Length(20, 200, { message: 'refreshToken must be the refreshToken from sign-in or the last refresh' })
  refreshToken: string;
}

/** A user's districts by id; with districtCodes, the user gets the districts of both. */
function DistrictIdsField(presence: PropertyDecorator = IsOptional()): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      description: 'Districts the user may see and change, by id (ignored for admins); unknown ones are refused',
    }),
    presence,
    IsArray(),
    ArrayMaxSize(50),
    IsUUID('all', { each: true, message: 'districtIds must be district ids (UUIDs)' }),
  );
}

function DistrictCodesField(presence: PropertyDecorator = IsOptional()): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: [String],
      example: ['HRP'],
      description: 'Districts the user may see and change, by code (ignored for admins); unknown ones are refused',
    }),
    presence,
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value)
        ? value.map((code: unknown) => (typeof code === 'string' ? code.toUpperCase() : code))
        : value,
    ),
    IsArray({ message: 'districtCodes must be a list of district codes, like ["HRP"]' }),
    ArrayMaxSize(50, { message: 'districtCodes must hold at most 50 codes' }),
    Matches(/^[A-Z0-9-]{2,12}$/, { each: true, message: 'districtCodes must be district codes, like HRP' }),
  );
}

export class CreateUserRequest {
  @ApiProperty({ example: 'dpo.haripur' })
  @Matches(/^[a-z0-9._-]{3,60}$/, {
    message: 'username must be 3-60 lowercase letters, digits, dots, dashes or underscores',
  })
  username: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 200, { message: 'password must be at least 12 characters' })
  password: string;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;

  @DistrictIdsField()
  districtIds?: string[];

  @DistrictCodesField()
  districtCodes?: string[];
}

export class UpdateUserRequest {
  @ApiPropertyOptional({ minLength: 12 }) @MayBeOmitted() @IsString() @Length(12, 200) password?: string;
  @ApiPropertyOptional({ enum: ROLES }) @MayBeOmitted() @IsIn(ROLES) role?: Role;
  // May be left out, not nulled: a user's districts are a list, possibly empty.
  @DistrictIdsField(MayBeOmitted()) districtIds?: string[];
  @DistrictCodesField(MayBeOmitted()) districtCodes?: string[];
  @ApiPropertyOptional({ description: 'A disabled user loses access at once' })
  @MayBeOmitted()
  @IsBoolean()
  disabled?: boolean;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: [String] }) districtIds: string[];
  @ApiProperty({ type: [String], example: ['HRP'], description: 'The codes of districtIds, in the same order' })
  districtCodes: string[];
  @ApiProperty() disabled: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ListUsersQuery extends PageQuery {
  @AnyOf(ROLES) role?: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Users who may see this district' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ description: 'Only disabled users (true) or only active ones (false); default both' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  disabled?: boolean;
}

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 60) actor?: string;
  @ApiPropertyOptional({ example: 'assignment' }) @IsOptional() @IsString() @Length(1, 60) entity?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsString() @Length(1, 100) entityId?: string;
  @ApiPropertyOptional({ example: 'update' }) @IsOptional() @IsString() @Length(1, 30) action?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() since?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() until?: string;
}

export class AuditEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) actor: string | null;
  @ApiProperty({ example: 'update' }) action: string;
  @ApiProperty({ example: 'assignment' }) entity: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: Object, nullable: true }) before: unknown;
  @ApiProperty({ type: Object, nullable: true }) after: unknown;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
}
