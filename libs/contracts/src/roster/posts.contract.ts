import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { POST_CATEGORIES, POST_KINDS, PostCategory, PostKind } from '@rasad/duty-assignments';
import { NOT_NULL, TimestampsView, UpdateMessage } from '../common.dto';
import { PageQuery } from '../pagination';

export class CreatePostRequest {
  @ApiProperty({ example: 'PS-HRP-001', description: 'Unique; for a polling station, its ECP number' })
  @Matches(/^[A-Za-z0-9/_-]{2,40}$/, { message: 'code must be 2-40 letters, digits, dashes, slashes or underscores' })
  code: string;

  @ApiProperty({ example: 'Govt. Girls Primary School Pind Hashim Khan (Female)' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: POST_KINDS })
  @IsIn(POST_KINDS)
  kind: PostKind;

  @ApiPropertyOptional({
    enum: POST_CATEGORIES,
    description: 'ECP sensitivity, polling stations only (A most sensitive)',
  })
  @IsOptional()
  @IsIn(POST_CATEGORIES)
  category?: PostCategory | null;

  @ApiProperty({ format: 'uuid', description: 'The police station; tehsil and district follow from it' })
  @IsUUID()
  policeStationId: string;

  @ApiPropertyOptional({ minimum: -90, maximum: 90 })
  @IsOptional()
  @Type(() => Number)
  @IsLatitude()
  latitude?: number | null;

  @ApiPropertyOptional({ minimum: -180, maximum: 180 })
  @IsOptional()
  @Type(() => Number)
  @IsLongitude()
  longitude?: number | null;

  @ApiPropertyOptional({ description: 'Far from any base: everyone posted here needs a bed', default: false })
  @IsOptional()
  @IsBoolean()
  remote?: boolean;
}

export class UpdatePostRequest extends PartialType(CreatePostRequest, NOT_NULL) {}

export class UpdatePostMessage extends UpdateMessage(UpdatePostRequest) {}

export class ListPostsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  tehsilId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  policeStationId?: string;

  @ApiPropertyOptional({ enum: POST_KINDS })
  @IsOptional()
  @IsIn(POST_KINDS)
  kind?: PostKind;

  @ApiPropertyOptional({ enum: POST_CATEGORIES })
  @IsOptional()
  @IsIn(POST_CATEGORIES)
  category?: PostCategory;

  @ApiPropertyOptional({ description: 'Code or name contains' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
}

export class PostView extends TimestampsView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: POST_KINDS }) kind: PostKind;
  @ApiProperty({ enum: POST_CATEGORIES, nullable: true }) category: PostCategory | null;
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty({ format: 'uuid' }) tehsilId: string;
  @ApiProperty({ format: 'uuid' }) policeStationId: string;
  @ApiProperty({ type: Number, nullable: true }) latitude: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude: number | null;
  @ApiProperty() remote: boolean;
}
