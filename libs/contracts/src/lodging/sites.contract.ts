import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { TimestampsView } from '../common.dto';
import { IsNight } from './nights';
import { AnyOf, PageQuery } from '../pagination';

export const SITE_KINDS = ['school', 'rest_house', 'barracks', 'police_lines'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** Who a room takes: men, women, or anyone (a family quarter, a single room). */
export const ROOM_GENDERS = ['male', 'female', 'any'] as const;
export type RoomGender = (typeof ROOM_GENDERS)[number];

export const MAX_BEDS_PER_REQUEST = 200;

export class FacilitiesDto {
  @ApiProperty() @IsBoolean() water: boolean;
  @ApiProperty() @IsBoolean() toilets: boolean;
  @ApiProperty() @IsBoolean() bathing: boolean;
  @ApiProperty() @IsBoolean() power: boolean;
}

export class CreateSiteRequest {
  @ApiProperty({ example: 'Govt. High School No. 1, Haripur' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: SITE_KINDS })
  @IsIn(SITE_KINDS)
  kind: SiteKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  districtId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  tehsilId: string;

  @ApiProperty({ example: 'G.T. Road, Haripur' })
  @IsString()
  @Length(2, 500)
  address: string;

  @ApiProperty({ minimum: -90, maximum: 90, example: 33.9946 })
  @Type(() => Number)
  @IsLatitude()
  latitude: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 72.9106 })
  @Type(() => Number)
  @IsLongitude()
  longitude: number;

  @ApiProperty({ type: FacilitiesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FacilitiesDto)
  facilities: FacilitiesDto;

  @ApiProperty({ description: 'Women may be housed here (a separate, secure block)' })
  @IsBoolean()
  suitableForWomen: boolean;
}

export class CreateRoomRequest {
  @ApiProperty({ example: 'Classroom 3' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: ROOM_GENDERS })
  @IsIn(ROOM_GENDERS)
  gender: RoomGender;

  @ApiPropertyOptional({ type: [String], example: ['3-A', '3-B'], description: 'Labels of the beds in the room' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BEDS_PER_REQUEST)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  beds?: string[];
}

export class CreateRoomMessage extends CreateRoomRequest {
  @IsUUID()
  siteId: string;
}

export class AddBedsRequest {
  @ApiProperty({ type: [String], example: ['3-C', '3-D'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BEDS_PER_REQUEST)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  labels: string[];
}

export class AddBedsMessage extends AddBedsRequest {
  @IsUUID()
  roomId: string;
}

export class ListSitesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  tehsilId?: string;

  @AnyOf(SITE_KINDS)
  kind?: SiteKind[];
}

export class FacilitiesView {
  @ApiProperty() water: boolean;
  @ApiProperty() toilets: boolean;
  @ApiProperty() bathing: boolean;
  @ApiProperty() power: boolean;
}

export class BedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
}

export class RoomView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) siteId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROOM_GENDERS }) gender: RoomGender;
  @ApiProperty({ type: BedView, isArray: true }) beds: BedView[];
}

export class SiteView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SITE_KINDS }) kind: SiteKind;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ format: 'uuid' }) tehsilId: string;
  @ApiProperty() address: string;
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty({ type: FacilitiesView }) facilities: FacilitiesView;
  @ApiProperty() suitableForWomen: boolean;
  @ApiProperty({ description: 'Beds in all its rooms' }) beds: number;
}

/** A site with its rooms and their beds. */
export class SiteDetailView extends SiteView {
  @ApiProperty({ type: RoomView, isArray: true }) rooms: RoomView[];
}

/** What an officer found at a site on a day: a site failing any of these is flagged for everyone housed there. */
export class RecordWelfareCheckRequest {
  @ApiProperty({ example: '2027-02-07', description: 'The local day of the check' })
  @IsNight()
  date: string;

  @ApiProperty() @IsBoolean() water: boolean;
  @ApiProperty() @IsBoolean() toilets: boolean;
  @ApiProperty() @IsBoolean() power: boolean;

  @ApiPropertyOptional({ example: 'Tank empty since morning; tanker called' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class RecordWelfareCheckMessage extends RecordWelfareCheckRequest {
  @IsUUID()
  siteId: string;
}

export class WelfareCheckView {
  @ApiProperty({ format: 'uuid' }) siteId: string;
  @ApiProperty({ example: '2027-02-07' }) date: string;
  @ApiProperty() water: boolean;
  @ApiProperty() toilets: boolean;
  @ApiProperty() power: boolean;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ description: 'Water, toilets or power not working' }) failing: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}
