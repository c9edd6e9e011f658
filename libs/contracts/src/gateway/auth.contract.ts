import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
import { PageQuery } from '../pagination';

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
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
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

  @ApiProperty({ type: [String], description: 'Districts the user may see and change (ignored for admins)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  districtIds: string[];
}

export class UpdateUserRequest {
  @ApiPropertyOptional({ minLength: 12 }) @MayBeOmitted() @IsString() @Length(12, 200) password?: string;
  @ApiPropertyOptional({ enum: ROLES }) @MayBeOmitted() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ type: [String] })
  @MayBeOmitted()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  districtIds?: string[];
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
  @ApiProperty() disabled: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
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
