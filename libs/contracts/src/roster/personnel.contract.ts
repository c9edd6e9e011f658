import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import {
  GENDERS,
  Gender,
  IsCnic,
  IsDietaryNeed,
  IsPakistanMobile,
  LANGUAGES,
  Language,
  normalizeCnic,
  RANKS,
  Rank,
  TRAVEL_MODES,
  TravelMode,
} from '@rasad/personnel';
import { NOT_NULL, TimestampsView, UpdateMessage } from '../common.dto';
import { AnyOf, PageQuery } from '../pagination';

export const SERVICE_NUMBER_PATTERN = /^[A-Za-z0-9/-]{2,30}$/;

export class CreatePersonnelRequest {
  @ApiProperty({ example: 'HRP-10452' })
  @Matches(SERVICE_NUMBER_PATTERN, { message: 'serviceNumber must be 2-30 letters, digits, dashes or slashes' })
  serviceNumber: string;

  @ApiProperty({ example: 'Muhammad Imran' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiProperty({ enum: RANKS })
  @IsIn(RANKS)
  rank: Rank;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'District the person comes from; another district than the post means lodging',
  })
  @IsUUID()
  homeDistrictId: string;

  @ApiProperty({ example: '13302-1234567-1', description: '1330212345671 is accepted and stored as 13302-1234567-1' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (normalizeCnic(value) ?? value) : value))
  @IsCnic()
  cnic: string;

  @ApiProperty({
    example: '+923001234567',
    description: 'Pakistani mobile; 0300-1234567 is accepted and stored as +923001234567',
  })
  @IsPakistanMobile()
  phone: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender: Gender;

  @ApiPropertyOptional({ type: [String], example: ['diabetic', 'other:no spicy food'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsDietaryNeed({ each: true })
  dietaryNeeds?: string[];

  @ApiProperty({ enum: TRAVEL_MODES, description: 'provided: Rasad plans their trips; self: they report on their own' })
  @IsIn(TRAVEL_MODES)
  travelMode: TravelMode;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'en', description: 'Language of their notices' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class UpdatePersonnelRequest extends PartialType(CreatePersonnelRequest, NOT_NULL) {}

export class UpdatePersonnelMessage extends UpdateMessage(UpdatePersonnelRequest) {}

export class ListPersonnelQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Unit in, from, or posted to this district' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @AnyOf(RANKS)
  rank?: Rank[];

  @ApiPropertyOptional({ description: 'Service number or CNIC prefix, or part of the name' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;

  @ApiPropertyOptional({ description: 'Also list deactivated people', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeInactive?: boolean;
}

export class PersonnelView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() serviceNumber: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: RANKS }) rank: Rank;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'uuid' }) homeDistrictId: string;
  @ApiProperty() cnic: string;
  @ApiProperty() phone: string;
  @ApiProperty({ enum: GENDERS }) gender: Gender;
  @ApiProperty({ type: [String] }) dietaryNeeds: string[];
  @ApiProperty({ enum: TRAVEL_MODES }) travelMode: TravelMode;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ description: 'false once deactivated: kept with their history, given no new duties' })
  active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deactivatedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) deactivationReason: string | null;
}

export class DeactivatePersonnelRequest {
  @ApiProperty({ example: 'Transferred to Abbottabad' })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class DeactivatePersonnelMessage extends DeactivatePersonnelRequest {
  @IsUUID()
  id: string;
}
